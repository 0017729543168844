/**
 * The routes of issue 12's contract (sign-in, /auth/me, users, contact search) typed by hand in the
 * generated file's shape, until they are in the OpenAPI document: the generated types win as soon as
 * they describe the same path (see `Paths` in api/types.ts), and this file can then go.
 */
import type { operations } from './schema.gen.ts';

export type Role = 'admin' | 'marketer' | 'analyst';

export interface Me {
  user: { id: string; email: string };
  memberships: { workspaceId: string; workspaceName: string; role: Role }[];
}

export interface WorkspaceUser {
  userId: string;
  email: string;
  role: Role;
  addedAt?: string;
}

type Contact = operations['getContact']['responses'][200]['content']['application/json'];

interface Json<T> {
  headers: { [name: string]: unknown };
  content: { 'application/json': T };
}
interface NoContent {
  headers: { [name: string]: unknown };
  content?: never;
}
interface Params<Q = never, P = never> {
  query?: Q;
  header?: never;
  path: P;
  cookie?: never;
}

export interface ContractPaths {
  '/auth/me': {
    get: { parameters: Params; requestBody?: never; responses: { 200: Json<Me> } };
  };
  '/auth/refresh': {
    post: { parameters: Params; requestBody?: never; responses: { 204: NoContent } };
  };
  '/auth/logout': {
    post: { parameters: Params; requestBody?: never; responses: { 200: Json<{ logoutUrl: string }> } };
  };
  '/v1/contacts/search': {
    get: {
      parameters: Params<{ q: string; limit?: number; cursor?: string }>;
      requestBody?: never;
      responses: { 200: Json<{ contacts: Contact[]; next?: string }> };
    };
  };
  '/v1/users': {
    get: {
      parameters: Params<{ limit?: number; cursor?: string }>;
      requestBody?: never;
      responses: { 200: Json<{ users: WorkspaceUser[]; next?: string }> };
    };
    post: {
      parameters: Params;
      requestBody: { content: { 'application/json': { email: string; role: Role } } };
      responses: { 201: Json<WorkspaceUser> };
    };
  };
  '/v1/users/{userId}': {
    patch: {
      parameters: Params<never, { userId: string }>;
      requestBody: { content: { 'application/json': { role: Role } } };
      responses: { 200: Json<WorkspaceUser> };
    };
    delete: {
      parameters: Params<never, { userId: string }>;
      requestBody?: never;
      responses: { 204: NoContent };
    };
  };
}
