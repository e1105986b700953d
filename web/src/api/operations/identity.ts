import type { ApiClient } from '../client';
import type { DemoAccount, InvitationPreview, Mail, ProviderSignUp, Session, User } from '../types';

const seg = encodeURIComponent;
const anonymous = true;

/**
 * Sign-in, sessions, invitations, the local outbox and provider sign-up. Calls that carry
 * their own secret (a password, a refresh token, an invitation link) send no access token.
 *
 * @example
 * const session = await identityEndpoints(client).signIn('a@b.example', 'correct horse battery');
 */
export function identityEndpoints(client: ApiClient) {
  return {
    signIn: (email: string, password: string) => client.post<Session>('/api/auth/sign-in', { email, password }, { anonymous }),
    refreshSession: (refreshToken: string) => client.post<Session>('/api/auth/refresh', { refreshToken }, { anonymous }),
    signOut: (refreshToken: string) => client.post<undefined>('/api/auth/sign-out', { refreshToken }, { anonymous }),
    me: (signal?: AbortSignal) => client.get<User>('/api/me', { signal }),
    demoAccounts: (signal?: AbortSignal) => client.get<{ items: DemoAccount[] }>('/api/demo-accounts', { signal, anonymous }),
    outbox: (email: string, signal?: AbortSignal) => client.get<{ items: Mail[] }>('/api/outbox', { query: { email }, signal, anonymous }),
    previewInvitation: (token: string, signal?: AbortSignal) => client.get<InvitationPreview>(`/api/invitations/${seg(token)}`, { signal, anonymous }),
    acceptInvitation: (token: string, body: { password: string; name?: string }) =>
      client.post<Session>(`/api/invitations/${seg(token)}/accept`, body, { anonymous }),
    signUpProvider: (body: ProviderSignUp) => client.post<Session>('/api/providers', body, { anonymous }),
  };
}
