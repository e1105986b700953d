import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadSigningKeys } from '../../../functions/adapters/secrets/signing-keys';
import { createTokenService } from '../../../functions/api/auth/tokens';
import { generateSigningJwk } from '../../../functions/adapters/secrets/signing-jwk';

const client = () =>
  new SecretsManagerClient({ region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

describe('the signing key set in Secrets Manager', () => {
  it('replaces the placeholder with a generated key set on first start', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.onAnyCommand().resolves({});
    sm.on(GetSecretValueCommand).resolves({
      SecretString: 'random-placeholder',
      VersionId: '11111111-2222-3333-4444-555555555555',
    });
    const keys = await loadSigningKeys('arn:secret', client());
    const [put] = sm.commandCalls(PutSecretValueCommand);
    expect(put!.args[0].input.ClientRequestToken).toBe('init-11111111-2222-3333-4444-555555555555');
    expect(JSON.parse(put!.args[0].input.SecretString!)).toEqual(keys);
    expect(keys.current).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('uses a stored key set without writing', async () => {
    const stored = { current: await generateSigningJwk('k1'), previous: [] };
    const sm = mockClient(SecretsManagerClient);
    sm.onAnyCommand().resolves({});
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(stored) });
    expect((await loadSigningKeys('arn:secret', client())).current.kid).toBe('k1');
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it("adopts the winner's key set when another cold start wrote first", async () => {
    const winner = { current: await generateSigningJwk('winner'), previous: [] };
    const sm = mockClient(SecretsManagerClient);
    sm.onAnyCommand().resolves({});
    sm.on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'placeholder', VersionId: 'v1' })
      .resolves({ SecretString: JSON.stringify(winner) });
    sm.on(PutSecretValueCommand).rejects(Object.assign(new Error('exists'), { name: 'ResourceExistsException' }));
    expect((await loadSigningKeys('arn:secret', client())).current.kid).toBe('winner');
  });
});

describe('key rotation', () => {
  it('still verifies tokens signed with the previous key and publishes both', async () => {
    const old = await generateSigningJwk('old');
    const next = await generateSigningJwk('new');
    const before = await createTokenService({ privateJwk: old, issuer: 'bds-exchange' });
    const after = await createTokenService({ privateJwk: next, previousJwks: [old], issuer: 'bds-exchange' });
    const actor = { userId: 'usr_1', role: 'funder' as const, organisationId: 'fnd_1', clusterIds: [] };
    expect(await after.verify((await before.issue(actor)).token)).toEqual({ ...actor, session: { version: 0 } });
    expect((await after.jwks()).keys.map((k) => k.kid)).toEqual(['new', 'old']);
  });
});
