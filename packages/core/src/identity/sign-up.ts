import * as z from 'zod';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { IdGenerator } from '../ids';
import type { Provider } from '../organisation/schema';

/** How long a mailed sign-up link works. */
export const SIGN_UP_LINK_HOURS = 24;

/**
 * A provider's sign-up waiting for its mailed link to be followed: what the form said, the
 * password only as its hash. Stored under the hash of the link's token; `expiresAt` (epoch
 * seconds) is also the table's TTL.
 */
export const PendingSignUp = z.object({
  name: z.string(),
  city: z.string(),
  categories: z.array(z.string()).min(1),
  capacity: z.number().int().min(1),
  contactName: z.string(),
  email: z.email(),
  passwordHash: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.number().int(),
});
export type PendingSignUp = z.infer<typeof PendingSignUp>;

/** What the sign-up form carries besides the password. */
export type SignUpForm = Omit<PendingSignUp, 'passwordHash' | 'createdAt' | 'expiresAt'>;

/** The first account of a provider that signed itself up. */
export interface ProviderAccount {
  id: string;
  email: string;
  name: string;
  role: 'provider';
  organisationId: string;
  organisationName: string;
  clusterIds: string[];
  passwordHash: string;
  disabled: boolean;
}

/**
 * The one answer for a link that cannot complete a sign-up: unknown, forged, used or expired
 * alike, so the answer tells nothing about which.
 */
export const signUpLinkInvalid = (): DomainError =>
  new DomainError(
    'SIGNUP.LINK_INVALID',
    'invalid',
    'This sign-up link is not valid, has been used or has expired; sign up again.',
    'token',
  );

/**
 * A sign-up waiting for its link, valid for `SIGN_UP_LINK_HOURS` from now.
 *
 * @example
 * const pending = pendingSignUp(form, await hashPassword(password), clock);
 */
export function pendingSignUp(form: SignUpForm, passwordHash: string, clock: Clock): PendingSignUp {
  const now = clock.now();
  return PendingSignUp.parse({
    ...form,
    email: form.email.toLowerCase(),
    passwordHash,
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor(now / 1000) + SIGN_UP_LINK_HOURS * 60 * 60,
  });
}

/**
 * The provider and its first account that following the link creates; an absent or expired
 * sign-up is `SIGNUP.LINK_INVALID`. The provider starts unaccredited, in no cluster.
 *
 * @example
 * const { provider, account } = completeSignUp(await store.get(hash), { ids, clock });
 */
export function completeSignUp(
  pending: PendingSignUp | undefined,
  ctx: { ids: IdGenerator; clock: Clock },
): { provider: Provider; account: ProviderAccount } {
  const now = ctx.clock.now();
  if (!pending || pending.expiresAt * 1000 <= now) throw signUpLinkInvalid();
  const provider: Provider = {
    id: ctx.ids.next('provider'),
    name: pending.name,
    city: pending.city,
    categories: pending.categories,
    accredited: false,
    capacity: pending.capacity,
    clusterIds: [],
    blocked: false,
    contactEmail: pending.email,
    createdAt: new Date(now).toISOString(),
  };
  const account: ProviderAccount = {
    id: ctx.ids.next('user'),
    email: pending.email,
    name: pending.contactName,
    role: 'provider',
    organisationId: provider.id,
    organisationName: provider.name,
    clusterIds: [],
    passwordHash: pending.passwordHash,
    disabled: false,
  };
  return { provider, account };
}
