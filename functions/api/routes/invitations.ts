import * as z from 'zod';
import {
  DomainError,
  FunderKind,
  InvitableRole,
  acceptInvitation,
  assertMayInvite,
  auditEntry,
  createInvitation,
  invalid,
  notFound,
  type InvitationInput,
  STATES_AND_UNION_TERRITORIES,
} from '@bds/core';
import { route } from '../route';
import { hashSecret, newSecret } from '../auth/secrets';
import { invitationMail } from '../auth/mail';
import { SessionBody, issueSession } from '../auth/session';
import { IdParam } from './common';

const NewInvitation = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(120),
  role: InvitableRole,
  clusterId: IdParam.optional().describe('For cluster admins and association reps'),
  associationId: IdParam.optional().describe('For association reps'),
  state: z
    .enum(STATES_AND_UNION_TERRITORIES, { error: 'A state or union territory of India, as officially named' })
    .optional()
    .describe('For state admins'),
  organisationName: z.string().trim().min(2).max(160).optional().describe('For funders: the funding body'),
  funderKind: FunderKind.optional().describe(
    "For funders: what it is for the indicators' sources of support (default other)",
  ),
});
const InvitationSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: InvitableRole,
  organisationName: z.string(),
  expiresAt: z.string(),
});
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invitation token') });
/** A password policy that favours length (NIST 800-63B): at least 12 characters. */
const Password = z.string().min(12, 'Use at least 12 characters').max(200);

const need = (field: string, role: string) =>
  invalid('INVITATION.FIELD_REQUIRED', `${field} is required to invite a ${role.replace('_', ' ')}`, field);

export const invite = route({
  method: 'post',
  path: '/api/invitations',
  operationId: 'invite',
  summary:
    'Invite a person: national admins invite state admins, cluster admins and funders; ' +
    'state admins cluster admins of their state; cluster admins association reps',
  tags: ['onboarding'],
  access: ['national_admin', 'state_admin', 'cluster_admin'],
  body: NewInvitation,
  responses: { 201: { description: 'The invitation was sent', schema: InvitationSummary } },
  handler: async ({ body, actor, deps }) => {
    const ctx = { ids: deps.ids, clock: deps.clock };
    let input: InvitationInput;
    let clusterState: string | undefined;
    let newFunder: { id: string; name: string } | undefined;
    if (body.role === 'cluster_admin' || body.role === 'association_rep') {
      if (!body.clusterId) throw need('clusterId', body.role);
      const cluster = await deps.stores.clusters.get(body.clusterId);
      if (
        !cluster ||
        (actor.role !== 'national_admin' && actor.role !== 'state_admin' && !actor.clusterIds.includes(cluster.id))
      )
        throw notFound('CLUSTER.NOT_FOUND', 'No such cluster.');
      clusterState = cluster.state;
      if (body.role === 'cluster_admin') {
        input = {
          email: body.email,
          name: body.name,
          role: body.role,
          organisationId: cluster.id,
          organisationName: `${cluster.name} Local Committee`,
          clusterIds: [cluster.id],
        };
      } else {
        if (!body.associationId) throw need('associationId', body.role);
        const association = await deps.stores.clusters.getAssociation(cluster.id, body.associationId);
        if (!association) throw notFound('ASSOCIATION.NOT_FOUND', 'No such association in this cluster.');
        input = {
          email: body.email,
          name: body.name,
          role: body.role,
          organisationId: association.id,
          organisationName: association.shortName,
          clusterIds: [cluster.id],
        };
      }
    } else if (body.role === 'state_admin') {
      if (!body.state) throw need('state', body.role);
      input = {
        email: body.email,
        name: body.name,
        role: body.role,
        organisationId: `org_state-${body.state.toLowerCase().replace(/\W+/g, '-')}`,
        organisationName: `Directorate of Industries, ${body.state}`,
        clusterIds: [],
        state: body.state,
      };
    } else {
      if (!body.organisationName) throw need('organisationName', body.role);
      newFunder = { id: deps.ids.next('funder'), name: body.organisationName };
      input = {
        email: body.email,
        name: body.name,
        role: body.role,
        organisationId: newFunder.id,
        organisationName: newFunder.name,
        clusterIds: [],
      };
    }
    assertMayInvite(actor, body.role, {
      ...(body.clusterId ? { clusterId: body.clusterId } : {}),
      ...(clusterState ? { clusterState } : {}),
    });
    const token = newSecret();
    const invitation = createInvitation(input, actor, hashSecret(token), ctx);
    if (newFunder) {
      await deps.stores.onboarding.inviteFunder(
        { id: newFunder.id, name: newFunder.name, kind: body.funderKind ?? 'other', createdAt: invitation.createdAt },
        invitation,
      );
    } else {
      const clusterId = input.clusterIds[0];
      await deps.stores.invitations.put(
        invitation,
        clusterId
          ? auditEntry(
              actor,
              'invitation.create',
              invitation.id,
              { clusterId, after: { email: invitation.email, role: invitation.role } },
              ctx,
            )
          : undefined,
      );
    }
    await deps.mail.send(invitationMail(invitation, token, deps.portalUrl));
    const { id, email, name, role, organisationName, expiresAt } = invitation;
    return { status: 201, body: { id, email, name, role, organisationName, expiresAt } };
  },
});

export const previewInvitation = route({
  method: 'get',
  path: '/api/invitations/:token',
  operationId: 'previewInvitation',
  summary: 'What an invitation link is for (before accepting it)',
  tags: ['onboarding'],
  access: 'public',
  params: TokenParams,
  responses: { 200: { description: 'The invitation', schema: InvitationSummary.extend({ accepted: z.boolean() }) } },
  handler: async ({ params, deps }) => {
    const inv = await deps.stores.invitations.get(hashSecret(params.token));
    if (!inv) throw notFound('INVITATION.NOT_FOUND', 'This invitation link is not valid.');
    if (Date.parse(inv.expiresAt) <= deps.clock.now())
      throw new DomainError('INVITATION.EXPIRED', 'conflict', 'This invitation has expired; ask for a new one');
    return {
      status: 200,
      body: {
        id: inv.id,
        email: inv.email,
        name: inv.name,
        role: inv.role,
        organisationName: inv.organisationName,
        expiresAt: inv.expiresAt,
        accepted: Boolean(inv.acceptedAt),
      },
    };
  },
});

export const acceptInvitationRoute = route({
  method: 'post',
  path: '/api/invitations/:token/accept',
  operationId: 'acceptInvitation',
  summary: 'Accept an invitation: choose a password and sign in. Works once.',
  tags: ['onboarding'],
  access: 'public',
  params: TokenParams,
  body: z.object({ password: Password, name: z.string().trim().min(2).max(120).optional() }),
  responses: { 201: { description: 'The account exists; signed in', schema: SessionBody } },
  handler: async ({ params, body, deps }) => {
    const inv = await deps.stores.invitations.get(hashSecret(params.token));
    if (!inv) throw notFound('INVITATION.NOT_FOUND', 'This invitation link is not valid.');
    const accepted = acceptInvitation(inv, deps.clock);
    const user = {
      id: deps.ids.next('user'),
      email: inv.email,
      name: body.name ?? inv.name,
      role: inv.role,
      organisationId: inv.organisationId,
      organisationName: inv.organisationName,
      clusterIds: inv.clusterIds,
      ...(inv.state ? { state: inv.state } : {}),
      passwordHash: await deps.passwords.hash(body.password),
      disabled: false,
    };
    await deps.stores.invitations.accept(accepted, user);
    return { status: 201, body: await issueSession(deps, user) };
  },
});

export const outbox = route({
  method: 'get',
  path: '/api/outbox',
  operationId: 'readOutbox',
  summary: 'Mail sent to an address (local stack only: where invitations land without a mail server)',
  tags: ['onboarding'],
  access: 'public',
  localOnly: true,
  query: z.object({ email: z.email().max(254) }),
  responses: {
    200: {
      description: 'Messages, newest first',
      schema: z.object({
        items: z.array(
          z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() }),
        ),
      }),
    },
  },
  handler: async ({ query, deps }) => {
    if (!deps.outbox)
      throw new DomainError(
        'OUTBOX.DISABLED',
        'not_found',
        'The outbox exists only on a local stack; mail goes out through SES.',
      );
    return { status: 200, body: { items: await deps.outbox.list(query.email) } };
  },
});
