/** Onboarding, managing, inviting, associations, provider applications, the audit trail. */
export const admin = {} as const;
