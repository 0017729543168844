/**
 * Messages in the table: each is its contact's timeline entry of kind `email` at `messageKey`, so a
 * message id is claimed at most once, ever (`attribute_not_exists`), and its status only moves forward
 * (every update is conditional on the status it moves from).
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type Table } from '../../shared/table.ts';
import type { EmailMessage } from '../message.schema.ts';
import { messageCreatedAt, messageKey } from '../message.schema.ts';
import type { MessageStore } from './ports.ts';

const DAY_SECONDS = 24 * 3600;

/** Swallow the condition failure of a move another writer already made; rethrow the rest. */
const forwardOnly = async (write: Promise<unknown>): Promise<void> => {
  try {
    await write;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

export const messagesRepository = (table: Table): MessageStore => {
  const T = table.name;
  const fromClaimed = (ws: string, contactId: string, messageId: string) => ({
    TableName: T,
    Key: messageKey(ws, contactId, messageId),
    ConditionExpression: '#e.#s = :claimed',
  });
  return {
    async create(ws, contactId, message: EmailMessage, retentionDays) {
      const occurredAt = messageCreatedAt(message.messageId);
      try {
        await table.client.send(
          new PutCommand({
            TableName: T,
            Item: {
              ...messageKey(ws, contactId, message.messageId),
              type: 'timelineEntry',
              v: 1,
              eventId: message.messageId,
              name: 'email',
              kind: 'email',
              occurredAt,
              properties: {},
              ttl: Math.floor(Date.parse(occurredAt) / 1000) + retentionDays * DAY_SECONDS,
              email: message,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    markSent: (ws, contactId, messageId, sesMessageId, at) =>
      forwardOnly(
        table.client.send(
          new UpdateCommand({
            ...fromClaimed(ws, contactId, messageId),
            UpdateExpression: 'SET #e.#s = :sent, #e.#sid = :sid, #e.#at.#sent = :at REMOVE #e.#r',
            ExpressionAttributeNames: {
              '#e': 'email',
              '#s': 'status',
              '#sid': 'sesMessageId',
              '#at': 'at',
              '#sent': 'sent',
              '#r': 'reason',
            },
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':sent': 'sent',
              ':sid': sesMessageId,
              ':at': at,
            },
          }),
        ),
      ),

    markFailed: (ws, contactId, messageId, reason, at) =>
      forwardOnly(
        table.client.send(
          new UpdateCommand({
            ...fromClaimed(ws, contactId, messageId),
            UpdateExpression: 'SET #e.#s = :failed, #e.#r = :reason, #e.#at.#failed = :at',
            ExpressionAttributeNames: {
              '#e': 'email',
              '#s': 'status',
              '#r': 'reason',
              '#at': 'at',
              '#failed': 'failed',
            },
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':failed': 'failed',
              ':reason': reason,
              ':at': at,
            },
          }),
        ),
      ),

    noteUnknown: (ws, contactId, messageId, reason) =>
      forwardOnly(
        table.client.send(
          new UpdateCommand({
            ...fromClaimed(ws, contactId, messageId),
            UpdateExpression: 'SET #e.#r = :reason',
            ExpressionAttributeNames: { '#e': 'email', '#s': 'status', '#r': 'reason' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':reason': reason },
          }),
        ),
      ),

    release: (ws, contactId, messageId) =>
      forwardOnly(
        table.client.send(
          new DeleteCommand({
            ...fromClaimed(ws, contactId, messageId),
            ExpressionAttributeNames: { '#e': 'email', '#s': 'status' },
            ExpressionAttributeValues: { ':claimed': 'claimed' },
          }),
        ),
      ),
  };
};
