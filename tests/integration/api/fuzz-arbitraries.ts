import fc from 'fast-check';

/** One generated bad call: where the badness is, and what is sent. */
export interface BadCase {
  kind: 'path' | 'query' | 'body' | 'json' | 'content-type';
  params: Record<string, string>;
  /** Path segments already encoded (raw bytes), sent without encodeURIComponent. */
  rawParams?: Record<string, string>;
  query: Record<string, string>;
  body?: { text: string; type: string };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Any bytes, percent-encoded as a path segment carries them (invalid UTF-8 included). */
const encodeBytes = (bytes: Uint8Array) =>
  [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/**
 * Path segments sent as they are (already encoded): every byte value, and lengths up to 10 KB,
 * past DynamoDB's 2 KB key limit, which an id must never reach.
 */
export const rawPathSegment = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((b) => encodeBytes(Uint8Array.of(b))),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map(encodeBytes),
  fc.integer({ min: 1, max: 10_240 }).map((n) => `clu_${'A'.repeat(n)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 3_400 }), fc.integer({ min: 0, max: 255 }))
    .map(([n, b]) => encodeBytes(new Uint8Array(n).fill(b))),
);

/** Ids that are malformed, of the wrong kind, unknown, or hostile. */
export const badId = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ minLength: 41, maxLength: 400 }),
  fc.stringMatching(/^[a-z]{3}_[0-9A-Za-z]{1,40}$/),
  fc.constantFrom(
    '..',
    '%00',
    'req_',
    'bid_' + 'Z'.repeat(60),
    'REQ#x',
    'clu_01J$',
    ' ',
    'null',
    '0',
    '-1',
    '<script>',
  ),
);

/** Cursors that are not base64 JSON, or are but name another partition or a key outside the list. */
export const badCursor = (partition: { attribute: string; value: string }, withKeyForgery: boolean) =>
  fc.oneof(
    fc.string({ maxLength: 100 }),
    fc.base64String({ maxLength: 80 }),
    fc.jsonValue().map(b64),
    fc.string().map((s) => b64({ PK: s, SK: s })),
    ...(withKeyForgery
      ? [
          fc.string({ maxLength: 40 }).map((sk) => b64({ [partition.attribute]: partition.value, SK: sk })),
          fc.constant(b64({ [partition.attribute]: partition.value })),
        ]
      : []),
  );

const queryValue = (cursor: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.string({ minLength: 2_000, maxLength: 5_000 }),
    cursor,
  );

export const badQuery = (cursor: fc.Arbitrary<string>) =>
  fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'category', 'closingAfter', 'x'), queryValue(cursor), {
    minKeys: 1,
    maxKeys: 4,
  });

/** A value of another JSON type than `value`, so swapping it in always breaks the schema. */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string()],
    ['number', fc.oneof(fc.integer(), fc.double())],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.jsonValue(), { maxLength: 3 })],
    ['object', fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })],
  ];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return fc.oneof(...all.filter(([k]) => k !== kind).map(([, a]) => a));
}

/**
 * Bodies made from a valid one by always breaking it: a field missing, of a wrong type, too long, or no object at all.
 */
export function badBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const broken: fc.Arbitrary<unknown>[] = [
    fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null), fc.constant({})),
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    broken.push(
      key.map((k) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k))),
      key.chain((k) => otherType(valid[k]).map((v) => ({ ...valid, [k]: v }))),
      fc.tuple(key, fc.integer({ min: 20_000, max: 300_000 })).map(([k, n]) => ({ ...valid, [k]: 'x'.repeat(n) })),
    );
  }
  return fc.oneof(...broken);
}

/** Text that is not JSON: cut short, or junk. */
export const malformedJson = (valid: unknown) =>
  fc.oneof(
    fc
      .integer({ min: 1, max: Math.max(1, JSON.stringify(valid).length - 1) })
      .map((n) => JSON.stringify(valid).slice(0, n)),
    fc.string({ minLength: 1 }).map((s) => `{${s}`),
    fc.constantFrom('{', '[1,', '{"a":}', 'undefined', "{'single':'quotes'}"),
  );

export const wrongContentType = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'image/png',
);
