import { DomainError, notFound } from '../../errors';
import type { Provider } from '../../organisation/schema';

/**
 * The provider behind a bid, refused when its profile is missing or a national admin has
 * blocked it: its access token outlives the block, its profile does not.
 *
 * @example
 * const provider = assertMayBid(found.provider); // PROVIDER.BLOCKED when blocked
 */
export function assertMayBid<P extends Pick<Provider, 'blocked'>>(provider: P | undefined): P {
  if (!provider) throw notFound('PROVIDER.NOT_FOUND', 'Your provider profile is missing.');
  if (provider.blocked)
    throw new DomainError('PROVIDER.BLOCKED', 'forbidden', 'This provider is blocked nationally and cannot bid.');
  return provider;
}
