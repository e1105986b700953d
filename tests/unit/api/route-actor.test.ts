import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Actor } from '@bds/core';
import { route, type ActorFor } from '../../../functions/api/route';

// Checked by `npm run typecheck`: a handler's actor follows its route's access rule.
describe('the actor a route handler sees', () => {
  it('is narrowed by the access rule: listed roles, any signed-in actor, or none for a public route', () => {
    // Prepare
    const seen: unknown[] = [];
    const providers = route({
      method: 'get',
      path: '/p',
      operationId: 'p',
      summary: 'p',
      tags: [],
      access: ['provider', 'funder'],
      responses: {},
      handler: async ({ actor }) => {
        expectTypeOf(actor.role).toEqualTypeOf<'provider' | 'funder'>();
        seen.push(actor.organisationId);
        return { status: 204 };
      },
    });

    // Assess
    expectTypeOf<ActorFor<'public'>>().toEqualTypeOf<undefined>();
    expectTypeOf<ActorFor<'signed-in'>>().toEqualTypeOf<Actor>();
    expectTypeOf<ActorFor<readonly ['cluster_admin']>['role']>().toEqualTypeOf<'cluster_admin'>();
    expect(providers.access).toEqual(['provider', 'funder']);
  });
});
