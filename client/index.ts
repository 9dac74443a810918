export { createClient, type ApiClient, type ClientOptions } from './client.ts';
export { ApiError, errorMessage, isApiErrorBody, SERVER_UNREACHABLE, unreachable, unwrap, type ApiErrorBody, type CallResult } from './errors.ts';
export type { Answer, Method, Operation, Params, PathWith, Query, RequestBody } from './types.ts';
export type { components, operations, paths } from './schema.d.ts';
