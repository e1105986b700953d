/**
 * AWS on-demand prices in USD, US East (N. Virginia), as published on the pages named beside each (read
 * 2026-12-08; free tiers left out, so the price is what a busy account pays). ap-south-1 (Mumbai) lists its own
 * prices on the same pages; change them here and re-run `npm run bench:cost`.
 */
export const PRICES = {
  checked: '2026-12-08',
  region: 'us-east-1',
  dynamoWru: { usd: 0.625 / 1e6, per: 'write request unit', url: 'https://aws.amazon.com/dynamodb/pricing/on-demand/' },
  dynamoRru: { usd: 0.125 / 1e6, per: 'read request unit', url: 'https://aws.amazon.com/dynamodb/pricing/on-demand/' },
  lambdaGbSecond: { usd: 0.0000133334, per: 'GB-second on arm64', url: 'https://aws.amazon.com/lambda/pricing/' },
  lambdaRequest: { usd: 0.2 / 1e6, per: 'Lambda request', url: 'https://aws.amazon.com/lambda/pricing/' },
  httpApiRequest: {
    usd: 1.0 / 1e6,
    per: 'HTTP API request (first 300 million a month)',
    url: 'https://aws.amazon.com/api-gateway/pricing/',
  },
  sqsRequest: { usd: 0.4 / 1e6, per: 'SQS standard request', url: 'https://aws.amazon.com/sqs/pricing/' },
  schedulerInvocation: {
    usd: 1.0 / 1e6,
    per: 'EventBridge Scheduler invocation',
    url: 'https://aws.amazon.com/eventbridge/pricing/',
  },
  sesMessage: { usd: 0.1 / 1e3, per: 'SES outbound message', url: 'https://aws.amazon.com/ses/pricing/' },
} as const;

/** What one unit of work consumes, priced by {@link priceOf}. */
export interface Usage {
  rru: number;
  wru: number;
  /** Lambda invocations and their billed GB-seconds. */
  lambdaRequests: number;
  gbSeconds: number;
  httpApiRequests: number;
  sqsRequests: number;
  schedulerInvocations: number;
  mails: number;
}

export const noUsage = (): Usage => ({
  rru: 0,
  wru: 0,
  lambdaRequests: 0,
  gbSeconds: 0,
  httpApiRequests: 0,
  sqsRequests: 0,
  schedulerInvocations: 0,
  mails: 0,
});

/** Lambda bills each invocation's duration rounded up to the millisecond, times the configured memory. */
export const gbSeconds = (ms: number, memoryMb: number): number => (Math.ceil(ms) / 1000) * (memoryMb / 1024);

/** USD per service for one usage. */
export function priceOf(u: Usage): { dynamo: number; lambda: number; other: number; total: number } {
  const dynamo = u.rru * PRICES.dynamoRru.usd + u.wru * PRICES.dynamoWru.usd;
  const lambda = u.lambdaRequests * PRICES.lambdaRequest.usd + u.gbSeconds * PRICES.lambdaGbSecond.usd;
  const other =
    u.httpApiRequests * PRICES.httpApiRequest.usd +
    u.sqsRequests * PRICES.sqsRequest.usd +
    u.schedulerInvocations * PRICES.schedulerInvocation.usd +
    u.mails * PRICES.sesMessage.usd;
  return { dynamo, lambda, other, total: dynamo + lambda + other };
}

/** `a + k·b`, field by field. */
export function addUsage(a: Usage, b: Usage, k = 1): Usage {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof Usage)[]) out[key] += k * b[key];
  return out;
}
