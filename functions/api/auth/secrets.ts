// The one place secrets are made and hashed is the adapter: the workers mail links too.
export { hashSecret, newSecret } from '../../adapters/secrets/tokens';
