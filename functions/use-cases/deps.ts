import type { Clock, IdGenerator } from '@bds/core';
import type { Stores } from '../adapters/dynamo/stores';

/**
 * What a use case needs: the stores (core's ports, implemented on DynamoDB), the clock and the
 * id generator. The API's `Deps` and the worker's `WorkerDeps` both carry these, so a route and
 * a handler call a use case alike.
 */
export interface UseCaseDeps {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
}
