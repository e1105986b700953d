export { ApiError, type FieldError } from './errors';
export { createClient, type ApiClient } from './client';
export { endpoints, type Api } from './endpoints';
export { ApiProvider, useApi, useRuntimeConfig } from './ApiContext';
export type * from './types';
