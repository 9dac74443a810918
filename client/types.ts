import type { paths } from './schema.d.ts';

/** The methods an operation may have. */
export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have an operation for `M`. */
export type PathWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, infer O> ? ([O] extends [never] ? never : P) : never }[keyof paths];

/** The operation `M` of path `P`, as the document describes it. */
export type Operation<P extends PathWith<M>, M extends Method> = NonNullable<paths[P][M]>;

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of an operation's success (2xx) answer: `Answer<'/api/cases/{id}', 'get'>`. */
export type Answer<P extends PathWith<M>, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? { [S in keyof R]: S extends 200 | 201 | 202 ? Json<R[S]> : never }[keyof R] : never;

/** The JSON body an operation takes: `RequestBody<'/api/cases', 'post'>`. */
export type RequestBody<P extends PathWith<M>, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters an operation takes. */
export type Query<P extends PathWith<M>, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The path and query parameters an operation takes, as openapi-fetch's `params`. */
export type Params<P extends PathWith<M>, M extends Method> = Operation<P, M> extends { parameters: infer X } ? Pick<X, Extract<keyof X, 'path' | 'query'>> : never;
