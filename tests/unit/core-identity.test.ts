import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DomainError } from '@bds/core';
import {
  INVITABLE,
  InvitableRole,
  Role,
  ACCOUNT_THROTTLE,
  DEFAULT_SIZE_POLICY,
  NATIONAL_BOUNDS,
  SIGN_UP_LINK_HOURS,
  acceptInvitation,
  completeSignUp,
  pendingSignUp,
  assertMayInvite,
  assertWithinNationalBounds,
  changeClusterStatus,
  createInvitation,
  defaultClusterPolicy,
  fixedClock,
  idGenerator,
  throttle,
  windowStart,
  type Actor,
  type Cluster,
} from '@bds/core';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'usr_1',
  role: 'national_admin',
  organisationId: 'org',
  clusterIds: [],
  ...over,
});
const ids = idGenerator(fixedClock(0), () => new Uint8Array(10));
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('who may invite whom', () => {
  it('follows the cascade of the brief', () => {
    expect(code(() => assertMayInvite(actor({}), 'cluster_admin', {}))).toBe('ok');
    expect(code(() => assertMayInvite(actor({}), 'association_rep', { clusterId: 'c' }))).toBe(
      'INVITATION.NOT_ALLOWED',
    );
    expect(
      code(() =>
        assertMayInvite(actor({ role: 'state_admin', state: 'Punjab' }), 'cluster_admin', { clusterState: 'Punjab' }),
      ),
    ).toBe('ok');
    expect(
      code(() =>
        assertMayInvite(actor({ role: 'state_admin', state: 'Punjab' }), 'cluster_admin', { clusterState: 'Kerala' }),
      ),
    ).toBe('INVITATION.NOT_ALLOWED');
    expect(
      code(() =>
        assertMayInvite(actor({ role: 'cluster_admin', clusterIds: ['c1'] }), 'association_rep', { clusterId: 'c1' }),
      ),
    ).toBe('ok');
    expect(
      code(() =>
        assertMayInvite(actor({ role: 'cluster_admin', clusterIds: ['c1'] }), 'association_rep', { clusterId: 'c2' }),
      ),
    ).toBe('INVITATION.NOT_ALLOWED');
    for (const role of ['association_rep', 'provider', 'funder'] as const) {
      expect(
        code(() => assertMayInvite(actor({ role, clusterIds: ['c1'] }), 'association_rep', { clusterId: 'c1' })),
      ).toBe('INVITATION.NOT_ALLOWED');
    }
  });

  it('offers in the portal (INVITABLE) exactly what the API allows, role by role', () => {
    // Prepare: each inviter in the scope that satisfies the scope checks.
    const inScope = { clusterId: 'c1', clusterState: 'Punjab' };
    for (const inviter of Role.options) {
      for (const invited of InvitableRole.options) {
        // Act
        const who = actor({ role: inviter, state: 'Punjab', clusterIds: ['c1'] });
        const allowed = code(() => assertMayInvite(who, invited, inScope));
        // Assess
        expect(allowed === 'ok', `${inviter} → ${invited}`).toBe(INVITABLE[inviter].includes(invited));
      }
    }
  });
});

describe('invitations', () => {
  const inv = createInvitation(
    {
      email: 'A@x.org',
      name: 'Asha',
      role: 'funder',
      organisationId: 'fnd_1',
      organisationName: 'SIDBI',
      clusterIds: [],
    },
    actor({}),
    'f'.repeat(64),
    { ids, clock: fixedClock(1_000) },
  );
  it('work once, and not after they expire', () => {
    const used = acceptInvitation(inv, fixedClock(2_000));
    expect(used.acceptedAt).toBeDefined();
    expect(inv.email).toBe('a@x.org');
    expect(code(() => acceptInvitation(used, fixedClock(3_000)))).toBe('INVITATION.USED');
    expect(code(() => acceptInvitation(inv, fixedClock(Date.parse(inv.expiresAt))))).toBe('INVITATION.EXPIRED');
  });
});

describe('cluster status', () => {
  const cluster = { status: 'active' } as Cluster;
  it('suspends and reactivates; archived is final', () => {
    expect(changeClusterStatus(changeClusterStatus(cluster, 'suspended'), 'active').status).toBe('active');
    expect(code(() => changeClusterStatus({ ...cluster, status: 'archived' }, 'active'))).toBe(
      'CLUSTER.ILLEGAL_TRANSITION',
    );
  });
});

describe('sign-in throttling', () => {
  it('allows at most maxFailures per window and names a wait that ends with the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 ** 12 }), (failures, now) => {
        const start = windowStart(now, ACCOUNT_THROTTLE);
        const decision = throttle({ failures, windowStart: start }, now, ACCOUNT_THROTTLE);
        expect(decision.allowed).toBe(failures < ACCOUNT_THROTTLE.maxFailures);
        if (!decision.allowed)
          expect(now + decision.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(start + ACCOUNT_THROTTLE.windowMs);
        expect(
          throttle({ failures, windowStart: start }, start + ACCOUNT_THROTTLE.windowMs, ACCOUNT_THROTTLE).allowed,
        ).toBe(true);
      }),
    );
  });
});

describe('cluster policy within national bounds', () => {
  it('accepts the defaults and refuses thresholds outside the bounds, naming the field', () => {
    expect(code(() => assertWithinNationalBounds(defaultClusterPolicy()))).toBe('ok');
    const tooSmall = {
      ...defaultClusterPolicy(),
      size: { ...DEFAULT_SIZE_POLICY, microBelow: NATIONAL_BOUNDS.microBelow.min - 1 },
    };
    expect(code(() => assertWithinNationalBounds(tooSmall))).toBe('CLUSTER.POLICY_OUT_OF_BOUNDS');
    try {
      assertWithinNationalBounds(tooSmall);
    } catch (error) {
      expect((error as DomainError).field).toBe('size.microBelow');
    }
  });
});

describe('sign-up by mailed link', () => {
  const form = {
    name: 'Kutch Testing Lab',
    city: 'Bhuj',
    categories: ['testing'],
    capacity: 2,
    contactName: 'Nisha Joshi',
    email: 'Nisha@Kutch.example',
  };

  it('keeps the form and the password hash, never the password, for 24 hours', () => {
    // Act
    const pending = pendingSignUp(form, 'scrypt$hash', fixedClock(1_000_000_000_000));

    // Assess
    expect(pending).toMatchObject({ ...form, email: 'nisha@kutch.example', passwordHash: 'scrypt$hash' });
    expect(pending.expiresAt).toBe(1_000_000_000 + SIGN_UP_LINK_HOURS * 3600);
  });

  it('makes an unaccredited provider in no cluster and its first account, until the link expires', () => {
    // Prepare
    const pending = pendingSignUp(form, 'scrypt$hash', fixedClock(0));
    const lastSecond = fixedClock((pending.expiresAt - 1) * 1000);

    // Act
    const { provider, account } = completeSignUp(pending, { ids, clock: lastSecond });

    // Assess
    expect(provider).toMatchObject({ name: form.name, accredited: false, blocked: false, clusterIds: [], capacity: 2 });
    expect(account).toMatchObject({
      role: 'provider',
      organisationId: provider.id,
      email: 'nisha@kutch.example',
      passwordHash: 'scrypt$hash',
      disabled: false,
    });
    expect(code(() => completeSignUp(pending, { ids, clock: fixedClock(pending.expiresAt * 1000) }))).toBe(
      'SIGNUP.LINK_INVALID',
    );
    expect(code(() => completeSignUp(undefined, { ids, clock: lastSecond }))).toBe('SIGNUP.LINK_INVALID');
  });
});
