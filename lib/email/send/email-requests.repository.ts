/**
 * What the email API remembers: the message id each `Idempotency-Key` was first given (a day), and
 * the conditional per-hour counter of a workspace's test sends.
 */

import * as z from 'zod';
import { GetCommand, PutCommand, UpdateCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../../shared/table.ts';

export const IDEMPOTENCY_SECONDS = 24 * 3600;

export const emailRequestItem = z.object({
  type: z.literal('emailRequest'),
  v: z.literal(1),
  messageId: z.string(),
  /** SHA-256 of the request body: the same key with another body is a conflict, not a replay. */
  bodyHash: z.string(),
  ttl: z.number().int(),
});
export type EmailRequestRecord = z.infer<typeof emailRequestItem>;

export const emailRequestsRepository = (table: Table) => ({
  /** Remember the key's message id unless it is remembered (and live); returns what is stored. */
  async remember(
    ws: string,
    idempotencyKey: string,
    record: Omit<EmailRequestRecord, 'type' | 'v'>,
    nowSeconds: number,
  ): Promise<EmailRequestRecord> {
    const key = keys.emailRequest(ws, idempotencyKey);
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...key, type: 'emailRequest', v: 1, ...record },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return { type: 'emailRequest', v: 1, ...record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
    );
    return readItem(emailRequestItem, Item, 'email request');
  },

  /** Count one test send in the hour; false when the hour already has `cap`. */
  async countTestSend(ws: string, hourStart: string, cap: number, ttl: number): Promise<boolean> {
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.testSendCounter(ws, hourStart),
          UpdateExpression: 'ADD #n :one SET #type = :type, #v = :v, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
          ExpressionAttributeNames: { '#n': 'n', '#type': 'type', '#v': 'v', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':cap': cap,
            ':type': 'testSendCounter',
            ':v': 1,
            ':ttl': ttl,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});
export type EmailRequestsRepository = ReturnType<typeof emailRequestsRepository>;
