import * as z from 'zod';
import { CategorySlug, SIGN_UP_LINK_HOURS, completeSignUp, pendingSignUp, securityEvent } from '@bds/core';
import { route } from '../route';
import { hashSecret, newSecret } from '../auth/secrets';
import { signUpMail, signUpTakenMail } from '../auth/mail';
import { SessionBody, issueSession } from '../auth/session';

const SignUp = z.object({
  name: z.string().trim().min(2).max(160).describe("The provider's name"),
  city: z.string().trim().min(2).max(60),
  categories: z.array(CategorySlug).min(1).max(20),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1)
    .describe('Engagements it can run in overlapping delivery windows'),
  contactName: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});

const Accepted = z.object({ detail: z.string() });
const ACCEPTED = 'Check your mail: a link to finish signing up is on its way.';

export const signUpProvider = route({
  method: 'post',
  path: '/api/providers',
  operationId: 'signUpProvider',
  summary:
    'A provider signs itself up: a link to finish is mailed (then it applies to each cluster it wants to serve). ' +
    'The answer is the same whether or not the email has an account.',
  tags: ['providers'],
  access: 'public',
  body: SignUp,
  responses: { 202: { description: 'A link is on its way to the email', schema: Accepted } },
  handler: async ({ body, deps }) => {
    // Both branches do the same work (a read, a password hash, a write, a mail), so neither the
    // answer nor its timing tells whether the address has an account.
    const [user, passwordHash] = await Promise.all([
      deps.stores.users.byEmail(body.email),
      deps.passwords.hash(body.password),
    ]);
    if (user) {
      const event = securityEvent('auth.sign_up_taken', { id: user.id, role: user.role }, user.id, {}, deps);
      await deps.stores.audit.append(event);
      await deps.mail.send(signUpTakenMail(user.email, deps.portalUrl));
    } else {
      const { password: _password, ...form } = body;
      const token = newSecret();
      await deps.stores.signUps.create(hashSecret(token), pendingSignUp(form, passwordHash, deps.clock));
      await deps.mail.send(signUpMail(body.email.toLowerCase(), body.name, token, deps.portalUrl, SIGN_UP_LINK_HOURS));
    }
    return { status: 202, body: { detail: ACCEPTED } };
  },
});

export const confirmProviderSignUp = route({
  method: 'post',
  path: '/api/providers/sign-up/confirm',
  operationId: 'confirmProviderSignUp',
  summary:
    'Finish a sign-up with its mailed link (works once, for 24 hours): the provider and its account exist, signed in',
  tags: ['providers'],
  access: 'public',
  body: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a sign-up token') }),
  responses: { 201: { description: 'The provider exists; signed in', schema: SessionBody } },
  handler: async ({ body, deps, hono }) => {
    const hash = hashSecret(body.token);
    const { provider, account } = completeSignUp(await deps.stores.signUps.get(hash), deps);
    await deps.stores.signUps.complete(hash, Math.floor(deps.clock.now() / 1000), provider, account);
    return { status: 201, body: await issueSession(deps, account, { userAgent: hono.req.header('user-agent') ?? '' }) };
  },
});
