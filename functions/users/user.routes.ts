/**
 * The users API: the people of a workspace and their roles (admin, marketer, analyst). Admin scope:
 * an admin user, or an admin API key (how the first admin is invited after a deploy).
 */
import * as z from 'zod';
import { errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { userIdSchema } from '../../lib/users/membership.schema.ts';
import { ROLES, roleSchema } from '../../lib/users/roles.ts';

const tag = 'users';
const errorBody = errorResponses[401].schema;

export const userViewSchema = z.strictObject({
  id: z.string().describe("the user's id (the user pool's `sub`)"),
  email: z.string(),
  role: roleSchema,
  addedAt: z.string(),
});

const userParams = z.strictObject({ userId: userIdSchema });
const conflict = {
  409: { description: 'the change would leave the workspace without an admin', schema: errorBody },
} as const;

export const listUsersRoute = defineRoute({
  operationId: 'listUsers',
  method: 'GET',
  path: '/v1/users',
  scope: 'admin',
  tag,
  summary: "The workspace's members and their roles; paginated by `next`.",
  query: pageQuery,
  responses: {
    200: {
      description: 'a page of members',
      schema: z.strictObject({ users: z.array(userViewSchema), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const inviteUserRoute = defineRoute({
  operationId: 'inviteUser',
  method: 'POST',
  path: '/v1/users',
  scope: 'admin',
  tag,
  summary: `Add a person to the workspace with a role (${ROLES.join(', ')}). Someone without an account is invited: the user pool emails them a temporary password.`,
  body: z.strictObject({ email: z.email().max(254), role: roleSchema }),
  responses: {
    201: {
      description: 'the member; `invited` when an account was created for them',
      schema: z.strictObject({ user: userViewSchema, invited: z.boolean() }),
    },
    ...errorResponses,
    409: { description: 'already a member of this workspace', schema: errorBody },
  },
});

export const setUserRoleRoute = defineRoute({
  operationId: 'setUserRole',
  method: 'PATCH',
  path: '/v1/users/{userId}',
  scope: 'admin',
  tag,
  summary: "Change a member's role. The workspace always keeps one admin.",
  params: userParams,
  body: z.strictObject({ role: roleSchema }),
  responses: {
    200: { description: 'the member with the new role', schema: userViewSchema },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const removeUserRoute = defineRoute({
  operationId: 'removeUser',
  method: 'DELETE',
  path: '/v1/users/{userId}',
  scope: 'admin',
  tag,
  summary:
    'Remove a member from the workspace (their account stays, for their other workspaces). The workspace always keeps one admin; the removal takes effect within 30 s.',
  params: userParams,
  responses: {
    200: { description: 'the removed member', schema: userViewSchema },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});
