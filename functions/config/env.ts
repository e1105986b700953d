import * as z from 'zod';

const Env = z.object({
  TABLE_NAME: z.string().min(3),
  EVENTS_QUEUE_URL: z.string().min(1).optional(),
  /** ARN of the events queue: where EventBridge Scheduler sends a schedule's event (request-events worker, AWS). */
  EVENTS_QUEUE_ARN: z.string().startsWith('arn:').optional(),
  /** EventBridge Scheduler group of the stage's one-time schedules (request-events worker, AWS). */
  SCHEDULE_GROUP: z
    .string()
    .regex(/^[0-9a-zA-Z._-]{1,64}$/)
    .optional(),
  /** The role EventBridge Scheduler assumes to send to the events queue (request-events worker, AWS). */
  SCHEDULER_ROLE_ARN: z.string().startsWith('arn:').optional(),
  STAGE: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('local'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Endpoint override for DynamoDB Local; unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The portal's origin, for links in mail. */
  PORTAL_URL: z.url().default('http://localhost:3000'),
  /** Verified SES sender; without it mail is only logged. */
  MAIL_FROM: z.email().optional(),
  JWT_ISSUER: z.string().default('bds-exchange'),
  /** Secrets Manager secret holding the token-signing key set (AWS). */
  SIGNING_KEYS_SECRET_ARN: z.string().min(1).optional(),
  /** Private signing key as a JWK (JSON), instead of the secret. Local runs generate one into .data/. */
  JWT_PRIVATE_JWK: z.string().optional(),
  /** JSON map of worker queue name → { dlqUrl, sourceUrl }, for the dead-letter admin API (AWS). */
  DEAD_LETTER_QUEUES: z.string().min(2).optional(),
});
export type Env = z.infer<typeof Env>;

/**
 * Reads and validates the environment once (at cold start); fails fast naming every
 * missing or malformed variable.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment — ${names}`);
  }
  return parsed.data;
}
