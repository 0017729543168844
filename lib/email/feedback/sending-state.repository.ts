/**
 * Whether a workspace's marketing email is paused: one item in the workspace's partition. Pausing is
 * a conditional write (only an active workspace pauses, so one pause publishes one event however many
 * batches see the rates at once); resuming is by hand.
 */

import * as z from 'zod';
import { GetCommand, PutCommand } from '../../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../../shared/events/outbox.ts';
import { keys } from '../../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../../shared/table.ts';

const ratesSnapshot = z.object({
  volume: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  complained: z.number().int(),
  bounceRate: z.number(),
  complaintRate: z.number(),
});

export const sendingStateRecord = z.object({
  type: z.literal('sendingState'),
  v: z.literal(1),
  status: z.enum(['active', 'paused']),
  reason: z.string().optional(),
  by: z.enum(['rates', 'operator']).optional(),
  pausedAt: z.string().optional(),
  /** The rates that paused it. */
  rates: ratesSnapshot.optional(),
  resumedAt: z.string().optional(),
  resumedBy: z.string().optional(),
});
export type SendingState = z.infer<typeof sendingStateRecord>;

export const sendingStateRepository = (table: Table) => ({
  async get(ws: string): Promise<SendingState | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.sendingState(ws), ConsistentRead: true }),
    );
    return Item ? readItem(sendingStateRecord, Item, 'sending state') : undefined;
  },

  /**
   * Pause unless already paused, or resumed since the caller read `readResumedAt` (its rates were
   * counted from before that resume: an operator's resume is not undone by a stale check); false then.
   */
  async pause(
    ws: string,
    state: SendingState,
    event: DomainEvent,
    readResumedAt: string | undefined,
  ): Promise<boolean> {
    const sameResume =
      readResumedAt === undefined ? 'attribute_not_exists(#resumedAt)' : '#resumedAt = :resumedAt';
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.sendingState(ws), ...state, [OUTBOX_ATTRIBUTE]: toOutbox(event) },
          ConditionExpression: `attribute_not_exists(pk) OR (#status = :active AND ${sameResume})`,
          ExpressionAttributeNames: { '#status': 'status', '#resumedAt': 'resumedAt' },
          ExpressionAttributeValues: {
            ':active': 'active',
            ...(readResumedAt === undefined ? {} : { ':resumedAt': readResumedAt }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Resume a paused workspace; false when it was not paused. */
  async resume(ws: string, state: SendingState, event: DomainEvent): Promise<boolean> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.sendingState(ws), ...state, [OUTBOX_ATTRIBUTE]: toOutbox(event) },
          ConditionExpression: '#status = :paused',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':paused': 'paused' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});

export type SendingStateRepository = ReturnType<typeof sendingStateRepository>;
