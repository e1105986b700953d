/** The member-firm register and pledges. */
export const market = {} as const;
