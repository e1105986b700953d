/**
 * Names for the shapes of the generated API types (`generated/openapi.ts`), by operation id, so
 * a page can say `Ok<'getCluster'>` instead of restating a cluster.
 */
import type { operations } from './generated/openapi';

export type OperationId = keyof operations;

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Responses<K extends OperationId> = operations[K]['responses'];

/** What an operation answers when it succeeds (its 200 or 201 body). */
export type Ok<K extends OperationId> =
  Responses<K> extends { 200: infer R } ? Json<R> : Responses<K> extends { 201: infer R } ? Json<R> : never;

/** The JSON body an operation takes. */
export type In<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** One item of a list an operation answers (`{ items: T[] }`). */
export type ItemOf<K extends OperationId> = Ok<K> extends { items: (infer T)[] } ? T : never;

/** The query an operation takes. */
export type QueryOf<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;
