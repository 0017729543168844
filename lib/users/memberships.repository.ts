/**
 * Memberships of users in workspaces. Each membership is two items written in one transaction (see
 * membership.schema.ts) with the workspace item's `admins` counter, so that:
 * - a request finds (user, workspace) with one GetItem (`get`);
 * - `/auth/me` lists a user's workspaces with one Query (`listForUser`);
 * - `GET /v1/users` pages through a workspace's members with one Query a page (`listMembers`);
 * - a workspace always keeps one admin: a demotion or removal of an admin decrements the counter only
 *   while it is above 1 (a conditional write, so two concurrent demotions cannot both pass), and each
 *   write is conditioned on the role it read, so the counter never drifts from the members.
 */
import * as z from 'zod';
import { cursorCodec } from '../shared/cursor.ts';
import { GetCommand, QueryCommand, TransactWriteCommand } from '../shared/dynamodb/commands.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { cancellationCodes, readItem, type Table } from '../shared/table.ts';
import {
  type Member,
  memberItem,
  type UserMembership,
  userIdSchema,
  userMembershipItem,
} from './membership.schema.ts';
import type { Role } from './roles.ts';

const membersCursor = cursorCodec(z.strictObject({ after: userIdSchema }), 'users');

/**
 * Thrown when the member changed between the read and the conditional write, or another transaction
 * held the same items: read again and retry. `codes`: the transaction's cancellation reasons.
 */
class StaleMemberError extends Error {
  constructor(
    readonly codes: readonly string[],
    options: { cause: unknown },
  ) {
    super('the member changed meanwhile', options);
  }
}

/** How often a write retries after a concurrent change (another transaction on the same items). */
const ATTEMPTS = 8;

export const LAST_ADMIN_MESSAGE = 'a workspace always keeps one admin: make another member admin first';

export const membershipsRepository = (table: Table) => {
  const workspaceKey = (workspaceId: string) => keys.workspace(workspaceId);

  /** The admin counter's change for a role change, as one transaction item on the workspace. */
  const counterUpdate = (workspaceId: string, from: Role | undefined, to: Role | undefined) => {
    const wasAdmin = from === 'admin';
    const isAdmin = to === 'admin';
    if (wasAdmin && !isAdmin)
      return {
        Update: {
          TableName: table.name,
          Key: workspaceKey(workspaceId),
          UpdateExpression: 'SET admins = admins - :one',
          ConditionExpression: 'admins > :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      };
    if (isAdmin && !wasAdmin)
      return {
        Update: {
          TableName: table.name,
          Key: workspaceKey(workspaceId),
          UpdateExpression: 'ADD admins :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      };
    return {
      ConditionCheck: {
        TableName: table.name,
        Key: workspaceKey(workspaceId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    };
  };

  /**
   * Runs a transaction whose last item is the workspace's; maps its failure: the workspace's condition
   * is the last-admin rule (or a missing workspace), any other condition a stale read, and a
   * transaction conflict a concurrent writer: both retried by the caller.
   */
  const transact = async (items: Record<string, unknown>[], lastAdmin: boolean): Promise<void> => {
    try {
      await table.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes.length === 0) throw error;
      if (codes.at(-1) === 'ConditionalCheckFailed')
        throw lastAdmin
          ? new ConflictError(LAST_ADMIN_MESSAGE, { cause: error })
          : new NotFoundError('no such workspace', { cause: error });
      if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict'))
        throw new StaleMemberError(codes, { cause: error });
      throw error;
    }
  };

  const retrying = async <T>(run: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof StaleMemberError) || attempt >= ATTEMPTS) {
          if (error instanceof StaleMemberError)
            throw new ConflictError('the member is being changed by another request: try again', {
              cause: error,
            });
          throw error;
        }
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
      }
    }
  };

  const repository = {
    /** (user, workspace) → the membership, one GetItem; `consistent` for read-before-write. */
    async get(workspaceId: string, userId: string, consistent = false): Promise<Member | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: keys.member(workspaceId, userId),
          ...(consistent ? { ConsistentRead: true } : {}),
        }),
      );
      return Item ? readItem(memberItem, Item, 'member') : undefined;
    },

    /** Every workspace the user belongs to (one Query; a person belongs to a handful). */
    async listForUser(userId: string): Promise<UserMembership[]> {
      const out: UserMembership[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await table.client.send(
          new QueryCommand({
            TableName: table.name,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: {
              ':pk': keys.userPartition(userId),
              ':p': keys.userMembershipPrefix,
            },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) out.push(readItem(userMembershipItem, item, 'user membership'));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    /** A page of the workspace's members, by user id; `next` when more may follow. */
    async listMembers(
      workspaceId: string,
      options: { readonly limit: number; readonly cursor?: string | undefined },
    ): Promise<{ members: Member[]; next?: string }> {
      const pk = keys.workspacePartition(workspaceId);
      const start = options.cursor
        ? keys.member(workspaceId, membersCursor.decode(options.cursor).after)
        : undefined;
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': pk, ':p': keys.memberPrefix },
          Limit: options.limit,
          ExclusiveStartKey: start,
        }),
      );
      const members = (page.Items ?? []).map((item) => readItem(memberItem, item, 'member'));
      const last = members.at(-1);
      return page.LastEvaluatedKey && last
        ? { members, next: membersCursor.encode({ after: last.userId }) }
        : { members };
    },

    /**
     * Adds a membership (both items and, for an admin, the counter) in one transaction.
     * ConflictError when the user is already a member; NotFoundError when the workspace is missing.
     */
    async add(member: Member, workspaceName: string): Promise<void> {
      const copy: UserMembership = {
        type: 'userMembership',
        v: 1,
        userId: member.userId,
        workspaceId: member.workspaceId,
        workspaceName,
        email: member.email,
        role: member.role,
      };
      await retrying(async () => {
        try {
          await transact(
            [
              {
                Put: {
                  TableName: table.name,
                  Item: { ...keys.member(member.workspaceId, member.userId), ...member },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: table.name,
                  Item: { ...keys.userMembership(member.userId, member.workspaceId), ...copy },
                },
              },
              counterUpdate(member.workspaceId, undefined, member.role),
            ],
            false,
          );
        } catch (error) {
          // The member item's own condition: the membership exists (anything else is retried).
          if (error instanceof StaleMemberError && error.codes[0] === 'ConditionalCheckFailed')
            throw new ConflictError(`${member.email} is already a member of this workspace`, {
              cause: error,
            });
          throw error;
        }
      });
    },

    /**
     * Changes a member's role; the admin counter follows in the same transaction. ConflictError when
     * it would leave the workspace without an admin; NotFoundError when there is no such member.
     */
    setRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
      return retrying(async () => {
        const member = await repository.get(workspaceId, userId, true);
        if (!member) throw new NotFoundError(`no user ${userId} in this workspace`);
        if (member.role === role) return member;
        await transact(
          [
            {
              Update: {
                TableName: table.name,
                Key: keys.member(workspaceId, userId),
                UpdateExpression: 'SET #role = :role',
                ConditionExpression: '#role = :was',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':role': role, ':was': member.role },
              },
            },
            {
              Update: {
                TableName: table.name,
                Key: keys.userMembership(userId, workspaceId),
                UpdateExpression: 'SET #role = :role',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':role': role },
              },
            },
            counterUpdate(workspaceId, member.role, role),
          ],
          member.role === 'admin',
        );
        return { ...member, role };
      });
    },

    /** Removes a membership (both items); ConflictError for the last admin; the removed member. */
    remove(workspaceId: string, userId: string): Promise<Member> {
      return retrying(async () => {
        const member = await repository.get(workspaceId, userId, true);
        if (!member) throw new NotFoundError(`no user ${userId} in this workspace`);
        await transact(
          [
            {
              Delete: {
                TableName: table.name,
                Key: keys.member(workspaceId, userId),
                ConditionExpression: '#role = :was',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':was': member.role },
              },
            },
            { Delete: { TableName: table.name, Key: keys.userMembership(userId, workspaceId) } },
            counterUpdate(workspaceId, member.role, undefined),
          ],
          member.role === 'admin',
        );
        return member;
      });
    },
  };
  return repository;
};

export type MembershipsRepository = ReturnType<typeof membershipsRepository>;
