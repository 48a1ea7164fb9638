// Names for the shapes in schema.d.ts, which `npm run generate:api` writes from the server's
// OpenAPI document: the dashboard reads the API's types from there, never restates them.
import type { paths } from './schema';

type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON of the operation's success answer (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer R } ? JsonBody<R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never> : never;

/** The JSON body the operation takes. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonBody<NonNullable<B>> : never;

/** The query string the operation takes, as an object. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a list answer (`{ data: [...], next_cursor }`). */
export type ItemOf<P extends keyof paths, M extends keyof paths[P]> = ResponseOf<P, M> extends { data: (infer T)[] } ? T : never;

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
