/**
 * A user's membership of a workspace, stored twice in one transaction: the member item in the
 * workspace's partition (read per request, listed for admins) and the user's own copy (listed by
 * `/auth/me`, with the workspace's name so that list needs no second read). The user id is the
 * Cognito `sub`; the email is the one the user was invited with.
 */
import * as z from 'zod';
import { workspaceIdSchema } from '../workspaces/workspace.schema.ts';
import { roleSchema } from './roles.ts';

/** A Cognito `sub`: a UUID. */
export const userIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a user id is a UUID');

export const memberItem = z.object({
  type: z.literal('member'),
  v: z.literal(1),
  workspaceId: workspaceIdSchema,
  userId: userIdSchema,
  email: z.string(),
  role: roleSchema,
  addedAt: z.string(),
});
export type Member = z.infer<typeof memberItem>;

export const userMembershipItem = z.object({
  type: z.literal('userMembership'),
  v: z.literal(1),
  userId: userIdSchema,
  workspaceId: workspaceIdSchema,
  workspaceName: z.string(),
  /** The user's email (access tokens do not carry it). */
  email: z.string(),
  role: roleSchema,
});
export type UserMembership = z.infer<typeof userMembershipItem>;

/** What the users API shows of a member. */
export const memberView = (member: Member) => ({
  id: member.userId,
  email: member.email,
  role: member.role,
  addedAt: member.addedAt,
});
