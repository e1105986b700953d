import { data, type ApiClient } from '../client';
import type { In } from '../schema';

/**
 * Sign-in, sessions, passwords, invitations, the local outbox and provider sign-up. Calls that carry
 * their own secret (a password, a refresh token, an invitation or sign-up link) go through `anon`, which
 * sends no access token.
 *
 * @example
 * const session = await identityEndpoints(client, anon).signIn('a@b.example', 'correct horse battery');
 */
export function identityEndpoints(client: ApiClient, anon: ApiClient) {
  return {
    signIn: (email: string, password: string) => data(anon.POST('/api/auth/sign-in', { body: { email, password } })),
    refreshSession: (refreshToken: string) => data(anon.POST('/api/auth/refresh', { body: { refreshToken } })),
    signOut: async (refreshToken: string): Promise<void> => {
      await anon.POST('/api/auth/sign-out', { body: { refreshToken } });
    },
    changePassword: (currentPassword: string, newPassword: string) =>
      data(client.POST('/api/me/password', { body: { currentPassword, newPassword } })),
    requestPasswordReset: (email: string) => data(anon.POST('/api/auth/password-reset', { body: { email } })),
    confirmPasswordReset: async (token: string, password: string): Promise<void> => {
      await anon.POST('/api/auth/password-reset/confirm', { body: { token, password } });
    },
    listMySessions: (signal?: AbortSignal) => data(client.GET('/api/me/sessions', { signal })),
    revokeMySession: async (sessionId: string): Promise<void> => {
      await client.DELETE('/api/me/sessions/{sessionId}', { params: { path: { sessionId } } });
    },
    me: (signal?: AbortSignal) => data(client.GET('/api/me', { signal })),
    demoAccounts: (signal?: AbortSignal) => data(anon.GET('/api/demo-accounts', { signal })),
    outbox: (email: string, signal?: AbortSignal) =>
      data(anon.GET('/api/outbox', { params: { query: { email } }, signal })),
    previewInvitation: (token: string, signal?: AbortSignal) =>
      data(anon.GET('/api/invitations/{token}', { params: { path: { token } }, signal })),
    acceptInvitation: (token: string, body: In<'acceptInvitation'>) =>
      data(anon.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body })),
    signUpProvider: (body: In<'signUpProvider'>) => data(anon.POST('/api/providers', { body })),
    confirmProviderSignUp: (token: string) => data(anon.POST('/api/providers/sign-up/confirm', { body: { token } })),
  };
}
