/**
 * The feedback loop's writes to a message: its timeline entry (kind `email`) at `messageKey`, updated
 * in one conditional write per SES event. The condition is the idempotence: the event's key must not
 * be in the message's `seen` yet, so a redelivered or duplicated event changes nothing. The status
 * moves only forward (`statusesBefore`); when it cannot move, the event is still recorded (its time,
 * its bookkeeping) in a second write.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { timelineEntryRecord } from '../../events/timeline.schema.ts';
import type { DomainEvent } from '../../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../../shared/events/outbox.ts';
import type { Key } from '../../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../../shared/table.ts';
import type { MessageStatus } from '../message.schema.ts';
import { messageClicks } from './message-clicks.ts';

export interface MessageFeedback {
  readonly seenKey: string;
  /** The status this event stands for: its first time is kept in `at`, the status moves to it if forward. */
  readonly status?: MessageStatus | undefined;
  /** Statuses the message may move to `status` from. */
  readonly movesFrom?: readonly MessageStatus[] | undefined;
  readonly at: string;
  readonly reason?: string | undefined;
  readonly softBounce?: boolean | undefined;
  readonly link?: string | undefined;
  /** Published from the entry (outbox) when this write applies. */
  readonly event?: DomainEvent | undefined;
}

export type FeedbackWrite = 'applied' | 'duplicate' | 'no message';

/** The `seen` key of an unsubscribe through one of the message's links. */
export const UNSUBSCRIBE_KEY = 'Unsubscribe';

export const messagesRepository = (table: Table) => {
  const update = async (
    key: Key,
    f: MessageFeedback,
    moveStatus: boolean,
  ): Promise<FeedbackWrite | 'stale'> => {
    const names: Record<string, string> = { '#email': 'email', '#seen': 'seen' };
    const values: Record<string, unknown> = { ':key': f.seenKey, ':keys': [f.seenKey], ':none': [] };
    const set = ['#email.#seen = list_append(if_not_exists(#email.#seen, :none), :keys)'];
    const add: string[] = [];
    let condition = 'attribute_exists(pk) AND NOT contains(#email.#seen, :key)';
    if (f.status) {
      names['#at'] = 'at';
      names['#st'] = f.status;
      values[':at'] = f.at;
      set.push('#email.#at.#st = if_not_exists(#email.#at.#st, :at)');
      if (moveStatus) {
        names['#status'] = 'status';
        values[':status'] = f.status;
        set.push('#email.#status = :status');
        const from = (f.movesFrom ?? []).map((s, i) => {
          values[`:from${i}`] = s;
          return `:from${i}`;
        });
        condition +=
          from.length > 0 ? ` AND #email.#status IN (${from.join(', ')})` : ' AND attribute_not_exists(pk)';
      }
    }
    if (f.reason !== undefined && moveStatus) {
      names['#reason'] = 'reason';
      values[':reason'] = f.reason;
      set.push('#email.#reason = :reason');
    }
    if (f.softBounce) {
      names['#soft'] = 'softBounces';
      values[':one'] = 1;
      add.push('#email.#soft :one');
    }
    if (f.link !== undefined) {
      names['#clicks'] = 'clicks';
      values[':clicks'] = { [f.link]: 1 };
      set.push('#email.#clicks = if_not_exists(#email.#clicks, :clicks)');
    }
    if (f.event) {
      names['#ev'] = OUTBOX_ATTRIBUTE;
      values[':ev'] = toOutbox(f.event);
      set.push('#ev = :ev');
    }
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: `SET ${set.join(', ')}${add.length ? ` ADD ${add.join(', ')}` : ''}`,
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
      if (old === undefined || old === null) return 'no message';
      // The key is seen (a duplicate), or the status could not move forward: the caller tells which.
      return 'stale';
    }
  };

  return {
    /** Clicks: each distinct link once (message-clicks.ts). */
    ...messageClicks(table),

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

    /**
     * Apply one event's feedback to a message, once. 'no message' when the entry is not there (the
     * contact was erased, the entry expired, or the message was never claimed by ecrm).
     */
    async applyFeedback(key: Key, feedback: MessageFeedback): Promise<FeedbackWrite> {
      const first = await update(key, feedback, feedback.status !== undefined);
      if (first !== 'stale') return first;
      if (feedback.status === undefined) return 'duplicate';
      // The status stays (it is already further on, or final): record the event without moving it.
      const second = await update(key, { ...feedback, event: feedback.event }, false);
      return second === 'stale' ? 'duplicate' : second;
    },
  };
};

export type MessagesRepository = ReturnType<typeof messagesRepository>;
