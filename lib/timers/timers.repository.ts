/**
 * The timer service's table access: timer items (indexed by due time on GSI1 while pending), the
 * per-minute markers, the claim. Every write that decides something is conditional.
 */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  paginateQuery,
  UpdateCommand,
} from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { timerShard } from './due.ts';
import {
  type ClaimMessage,
  type OneShotMessage,
  oneShotEntry,
  type TimerRecord,
  timerRecord,
} from './timer.schema.ts';

/** A fired or forgotten timer item stays this long for redeliveries to find it claimed, then TTL takes it. */
const FIRED_TTL_SECONDS = 2 * 86_400;
/** An unfired timer outlives its due time by the DLQ's retention, then TTL takes it. */
const PENDING_TTL_SECONDS = 14 * 86_400;
/** Minute markers are kept long enough to stop a second schedule for the same minute. */
const MARKER_TTL_SECONDS = 2 * 86_400;

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export type TimerItem = Omit<TimerRecord, 'pk' | 'sk' | 'type' | 'v' | 'firedBy' | 'firedAt'>;

export const timersRepository = (table: Table) => ({
  /** Strongly consistent: a reschedule compares against the latest due time. */
  async get(key: string): Promise<TimerRecord | undefined> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: { pk: key, sk: keys.timerSortKey },
        ConsistentRead: true,
      }),
    );
    return Item ? readItem(timerRecord, Item, 'timer') : undefined;
  },

  /**
   * Store a pending timer if the stored one is still `previous` (its due time and claim), or absent.
   * Returns false when another writer got there first.
   */
  async put(
    key: string,
    timer: TimerItem,
    previous: Pick<TimerRecord, 'due' | 'firedBy'> | undefined,
    event: DomainEvent | undefined,
  ): Promise<boolean> {
    const shard = timerShard(key);
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            pk: key,
            sk: keys.timerSortKey,
            type: 'timer',
            v: 1,
            ...timer,
            ...keys.timerDue(shard, timer.due),
            ttl: seconds(timer.due) + PENDING_TTL_SECONDS,
            ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
          },
          ...(previous
            ? {
                ConditionExpression: previous.firedBy
                  ? '#due = :due AND firedBy = :by'
                  : '#due = :due AND attribute_not_exists(firedBy)',
                ExpressionAttributeNames: { '#due': 'due' },
                ExpressionAttributeValues: {
                  ':due': previous.due,
                  ...(previous.firedBy ? { ':by': previous.firedBy } : {}),
                },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Remove a pending timer due at `due`; false if it moved, fired or went meanwhile. */
  async remove(key: string, due: string): Promise<boolean> {
    try {
      await table.client.send(
        new DeleteCommand({
          TableName: table.name,
          Key: { pk: key, sk: keys.timerSortKey },
          ConditionExpression: '#due = :due AND attribute_not_exists(firedBy)',
          ExpressionAttributeNames: { '#due': 'due' },
          ExpressionAttributeValues: { ':due': due },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /**
   * Claim a timer for one queue message: only if it is still due at `due` and unclaimed (or claimed
   * by this same message, which is a retry). The claim takes it off the due index and gives it a
   * short TTL; the returned record carries the task and input. Undefined: cancelled, moved, or
   * another message has it.
   */
  async claim(message: ClaimMessage, messageId: string, now: Date): Promise<TimerRecord | undefined> {
    try {
      const { Attributes } = await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: { pk: message.key, sk: keys.timerSortKey },
          UpdateExpression: 'SET firedBy = :by, firedAt = :now, #ttl = :ttl REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#due = :due AND (attribute_not_exists(firedBy) OR firedBy = :by)',
          ExpressionAttributeNames: { '#due': 'due', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':due': message.due,
            ':by': messageId,
            ':now': now.toISOString(),
            ':ttl': Math.floor(now.getTime() / 1000) + FIRED_TTL_SECONDS,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return readItem(timerRecord, Attributes, 'timer');
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** Pending timers of one index shard due in [from, to], oldest first, page by page. */
  async *due(shard: number, from: string, to: string): AsyncGenerator<ClaimMessage[]> {
    const pages = paginateQuery(
      { client: table.client, pageSize: 1_000 },
      {
        TableName: table.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.timerDueShard(shard), ':from': from, ':to': to },
      },
    );
    for await (const page of pages) {
      const messages: ClaimMessage[] = [];
      for (const item of page.Items ?? []) {
        const { pk, gsi1sk } = item;
        if (typeof pk === 'string' && typeof gsi1sk === 'string') messages.push({ key: pk, due: gsi1sk });
      }
      yield messages;
    }
  },

  /**
   * File a one-shot timer in its minute's bucket: one small put, never read back or deleted (TTL takes
   * it). Its sort key is its due time and a hash of what it does, so filing the same one twice is one entry.
   */
  async fileOneShot(minute: string, shard: number, id: string, message: OneShotMessage): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.timerBucket(minute, shard, message.due, id),
          type: 'oneShotTimer',
          v: 1,
          message,
          ttl: seconds(`${minute}:00.000Z`) + FIRED_TTL_SECONDS,
        },
      }),
    );
  },

  /** The one-shot timers filed in a minute's bucket shard, by due time, page by page. */
  async *bucket(minute: string, shard: number): AsyncGenerator<OneShotMessage[]> {
    const pages = paginateQuery(
      { client: table.client, pageSize: 1_000 },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.timerBucketPartition(minute, shard) },
        ProjectionExpression: 'message',
      },
    );
    for await (const page of pages)
      yield (page.Items ?? []).map((item) => readItem(oneShotEntry, item, 'one-shot timer').message);
  },

  /** Is the minute's marker there? (Eventually consistent: a stale miss only costs a failed put.) */
  async minuteOpened(minute: string): Promise<boolean> {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.timerMinute(minute),
        ProjectionExpression: 'pk',
      }),
    );
    return Item !== undefined;
  },

  /**
   * Write the minute's marker once, with the event that gets its drain scheduled (the outbox: a crash
   * after this write still schedules the drain). False if it was there.
   */
  async openMinute(minute: string, event: DomainEvent): Promise<boolean> {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            ...keys.timerMinute(minute),
            type: 'timerMinute',
            v: 1,
            minute,
            ttl: seconds(`${minute}:00.000Z`) + MARKER_TTL_SECONDS,
            [OUTBOX_ATTRIBUTE]: toOutbox(event),
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
});

export type TimersRepository = ReturnType<typeof timersRepository>;
