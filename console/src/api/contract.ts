/**
 * Names for the shapes of the sign-in and users routes, taken from the generated OpenAPI types.
 */
import type { paths } from './schema.gen.ts';

type MeAnswer = paths['/auth/me']['get']['responses'][200]['content']['application/json'];

/** A signed-in person and their workspaces (what /auth/me answers when someone is signed in). */
export interface Me {
  user: NonNullable<MeAnswer['user']>;
  memberships: MeAnswer['memberships'];
}

export type Role = Me['memberships'][number]['role'];
