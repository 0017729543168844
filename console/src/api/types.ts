/**
 * Types derived from the API's paths: the operation of a path and method, its path parameters,
 * query, JSON body and successful JSON response. The client is typed by these, so a renamed field
 * or route is a type error in the console.
 */
import type { components, paths } from './schema.gen.ts';

/** The API's paths, generated from its OpenAPI document. */
export type Paths = paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Defined<T> = [T] extends [never] ? never : [T] extends [undefined] ? never : NonNullable<T>;

export type Operation<P extends keyof Paths, M extends Method> = Paths[P] extends { [K in M]?: infer O }
  ? Defined<O>
  : never;

/** The paths that have method M. */
export type PathsFor<M extends Method> = {
  [P in keyof Paths]: [Operation<P, M>] extends [never] ? never : P;
}[keyof Paths];

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type SuccessCodes = 200 | 201 | 202 | 204;

export type ResponseOf<P extends keyof Paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, SuccessCodes>]> : never;

export type BodyOf<P extends keyof Paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B }
    ? B extends { content: { 'application/json': infer J } }
      ? J
      : never
    : never;

export type QueryOf<P extends keyof Paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never;

export type PathParamsOf<P extends keyof Paths, M extends Method> =
  Operation<P, M> extends { parameters: { path?: infer A } } ? A : never;

export type Schemas = components['schemas'];

export type Contact = ResponseOf<'/v1/contacts/{contactId}', 'get'>;
