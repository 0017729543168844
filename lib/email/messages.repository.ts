/**
 * Every write to a message: its contact's timeline entry of kind `email` at `messageKey`. The send
 * path claims it and settles what it knows at once (failed, released); the feedback loop applies SES's
 * events in whatever order they come (a Delivery can be applied before the Send event that makes the
 * message `sent`), so every write is one conditional update:
 *
 * - a message id is claimed at most once, ever (`attribute_not_exists`);
 * - the status only moves forward (the write names the statuses it may move from); when it cannot
 *   move, what the write knows is still recorded (the time of each status, SES's message id) in a
 *   second write that leaves the status alone;
 * - an SES event is applied once: its `seen` key must not be on the message yet.
 */

import { timelineEntryRecord } from '../events/timeline.schema.ts';
import { DeleteCommand, PutCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import type { Key } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import type { EmailMessage, MessageStatus } from './message.schema.ts';
import { messageCreatedAt, messageKey } from './message.schema.ts';
import { messageClicks } from './message-clicks.ts';
import type { MessageStore } from './send/ports.ts';

const DAY_SECONDS = 24 * 3600;

/** One change to a message, as one conditional update. */
export interface MessageChange {
  /** Applied once: the change is refused when this key is in the message's `seen` (and added to it). */
  readonly seenKey?: string | undefined;
  /** The status this change stands for: its first time is kept in `at`; the status moves to it if forward. */
  readonly status?: MessageStatus | undefined;
  /** The statuses the message may move to `status` from. */
  readonly movesFrom?: readonly MessageStatus[] | undefined;
  readonly at: string;
  /** Set with the status move (a failure's or a bounce's reason). */
  readonly reason?: string | undefined;
  /** Drop the reason with the status move (an unknown outcome settled as sent). */
  readonly clearReason?: boolean | undefined;
  /** SES's message id: kept once known, whatever the status. */
  readonly sesMessageId?: string | undefined;
  readonly softBounce?: boolean | undefined;
  /** Published from the entry (outbox) when this write applies. */
  readonly event?: DomainEvent | undefined;
}

/** The feedback loop's view of a change: it always names its `seen` key. */
export type MessageFeedback = MessageChange & { readonly seenKey: string };

export type FeedbackWrite = 'applied' | 'duplicate' | 'no message';

/** The `seen` key of an unsubscribe through one of the message's links. */
export const UNSUBSCRIBE_KEY = 'Unsubscribe';

type Outcome = 'applied' | 'no message' | 'refused';

export const messagesRepository = (table: Table) => {
  /** One conditional update; `moveStatus` false records the change without touching the status. */
  const write = async (key: Key, c: MessageChange, moveStatus: boolean): Promise<Outcome> => {
    const names: Record<string, string> = { '#email': 'email' };
    const values: Record<string, unknown> = {};
    const set: string[] = [];
    const add: string[] = [];
    const remove: string[] = [];
    let condition = 'attribute_exists(pk)';
    if (c.seenKey !== undefined) {
      names['#seen'] = 'seen';
      Object.assign(values, { ':key': c.seenKey, ':keys': [c.seenKey], ':none': [] });
      set.push('#email.#seen = list_append(if_not_exists(#email.#seen, :none), :keys)');
      condition += ' AND NOT contains(#email.#seen, :key)';
    }
    if (c.status) {
      Object.assign(names, { '#at': 'at', '#st': c.status });
      values[':at'] = c.at;
      set.push('#email.#at.#st = if_not_exists(#email.#at.#st, :at)');
      if (moveStatus) {
        names['#status'] = 'status';
        values[':status'] = c.status;
        set.push('#email.#status = :status');
        const from = (c.movesFrom ?? []).map((s, i) => {
          values[`:from${i}`] = s;
          return `:from${i}`;
        });
        condition +=
          from.length > 0 ? ` AND #email.#status IN (${from.join(', ')})` : ' AND attribute_not_exists(pk)';
        if (c.reason !== undefined || c.clearReason) names['#reason'] = 'reason';
        if (c.reason !== undefined) {
          values[':reason'] = c.reason;
          set.push('#email.#reason = :reason');
        } else if (c.clearReason) remove.push('#email.#reason');
      }
    }
    if (c.sesMessageId !== undefined) {
      names['#sid'] = 'sesMessageId';
      values[':sid'] = c.sesMessageId;
      set.push('#email.#sid = if_not_exists(#email.#sid, :sid)');
    }
    if (c.softBounce) {
      names['#soft'] = 'softBounces';
      values[':one'] = 1;
      add.push('#email.#soft :one');
    }
    if (c.event) {
      names['#ev'] = OUTBOX_ATTRIBUTE;
      values[':ev'] = toOutbox(c.event);
      set.push('#ev = :ev');
    }
    if (set.length === 0 && add.length === 0) return 'applied';
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: [
            set.length ? `SET ${set.join(', ')}` : '',
            add.length ? `ADD ${add.join(', ')}` : '',
            remove.length ? `REMOVE ${remove.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'applied';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const old = error instanceof Error && 'Item' in error ? error.Item : undefined;
      return old === undefined || old === null ? 'no message' : 'refused';
    }
  };

  /**
   * Move the status when it may move; otherwise record the change without moving it (unless it was
   * applied before). 'duplicate' when the `seen` key was there, or there was nothing else to record.
   */
  const apply = async (key: Key, change: MessageChange): Promise<FeedbackWrite> => {
    const first = await write(key, change, change.status !== undefined);
    if (first !== 'refused') return first;
    if (change.status === undefined) return 'duplicate';
    const second = await write(key, change, false);
    return second === 'refused' ? 'duplicate' : second;
  };

  /** A change that only applies to a claimed message (the send path's own moves). */
  const fromClaimed = async (key: Key, change: Omit<MessageChange, 'movesFrom'>): Promise<void> => {
    await write(key, { ...change, movesFrom: ['claimed'] }, true);
  };

  /** A write that applies only while the message is claimed; another writer's move wins. */
  const CLAIMED = { names: { '#e': 'email', '#s': 'status' }, values: { ':claimed': 'claimed' } };
  const claimedOnly = (ws: string, contactId: string, messageId: string) => ({
    TableName: table.name,
    Key: messageKey(ws, contactId, messageId),
    ConditionExpression: '#e.#s = :claimed',
  });
  const whileClaimed = async (command: UpdateCommand | DeleteCommand): Promise<void> => {
    try {
      await table.client.send(command);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  };

  const store: MessageStore = {
    async create(ws, contactId, message: EmailMessage, retentionDays, event) {
      const occurredAt = messageCreatedAt(message.messageId);
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.name,
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
              ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
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

    markFailed: (ws, contactId, messageId, reason, at) =>
      fromClaimed(messageKey(ws, contactId, messageId), { status: 'failed', at, reason }),

    markRefused: (ws, contactId, messageId, reason, at) =>
      fromClaimed(messageKey(ws, contactId, messageId), { status: 'refused', at, reason }),

    noteUnknown: (ws, contactId, messageId, reason) =>
      whileClaimed(
        new UpdateCommand({
          ...claimedOnly(ws, contactId, messageId),
          UpdateExpression: 'SET #e.#r = :reason',
          ExpressionAttributeNames: { ...CLAIMED.names, '#r': 'reason' },
          ExpressionAttributeValues: { ...CLAIMED.values, ':reason': reason },
        }),
      ),

    release: (ws, contactId, messageId) =>
      whileClaimed(
        new DeleteCommand({
          ...claimedOnly(ws, contactId, messageId),
          ExpressionAttributeNames: CLAIMED.names,
          ExpressionAttributeValues: CLAIMED.values,
        }),
      ),
  };

  return {
    ...store,

    /** Clicks: each distinct link of a message once (message-clicks.ts). */
    ...messageClicks(table),

    /**
     * Apply one SES event's feedback to a message, once. 'no message' when the entry is not there
     * (the contact was erased, the entry expired, or the message was never claimed by ecrm).
     */
    applyFeedback: (key: Key, feedback: MessageFeedback): Promise<FeedbackWrite> => apply(key, feedback),

    /**
     * Mark a message unsubscribed (its link was used), once; returns its origin for the counters, or
     * undefined when it was marked before or is not there.
     */
    async markUnsubscribed(
      key: Key,
      at: string,
    ): Promise<{ origin: string; originId?: string | undefined } | undefined> {
      try {
        const { Attributes } = await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression:
              'SET #email.#seen = list_append(if_not_exists(#email.#seen, :none), :keys), ' +
              '#email.#at.#st = if_not_exists(#email.#at.#st, :at), #email.#status = :status',
            ConditionExpression: 'attribute_exists(pk) AND NOT contains(#email.#seen, :key)',
            ExpressionAttributeNames: {
              '#email': 'email',
              '#seen': 'seen',
              '#at': 'at',
              '#st': 'unsubscribed',
              '#status': 'status',
            },
            ExpressionAttributeValues: {
              ':key': UNSUBSCRIBE_KEY,
              ':keys': [UNSUBSCRIBE_KEY],
              ':none': [],
              ':at': at,
              ':status': 'unsubscribed',
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const entry = readItem(timelineEntryRecord, Attributes, 'message');
        return entry.email ? { origin: entry.email.origin, originId: entry.email.originId } : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },
  };
};

export type MessagesRepository = ReturnType<typeof messagesRepository>;
