/**
 * Sharded email counters. Per origin (a campaign, a journey step, a template's one-off sends...) the
 * outcomes of its messages (delivered, opened, clicked, bounced...), and per workspace the hourly
 * outcomes its bounce and complaint rates are computed from. Every increment goes to one of several
 * shards, each its own partition, so 1,000 opens a second on one campaign spread over them; a reader
 * sums the shards. The feedback loop adds what one batch of events changed in one write per counter.
 */

import * as z from 'zod';
import { BatchGetCommand, QueryCommand, UpdateCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { readItem, type Table } from '../../shared/table.ts';
import { FEEDBACK_KINDS, type FeedbackKind, MAX_LINKS_LISTED } from '../feedback/feedback.ts';

/** Shards of one origin's counter: 16 × ~300 writes/s is far above what SES reports for one campaign. */
export const COUNTER_SHARDS = 16;
/** Shards of a workspace's hourly outcomes. */
export const OUTCOME_SHARDS = 8;
/** Hourly outcomes expire (TTL) well after the longest rate window reads them. */
export const OUTCOMES_KEPT_DAYS = 35;

export type Counts = Partial<Record<FeedbackKind, number>>;

const countsSchema = z.object(
  Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, z.number().int().optional()])) as Record<
    FeedbackKind,
    z.ZodOptional<z.ZodNumber>
  >,
);

const counterRecord = countsSchema.extend({ type: z.literal('emailCounter'), v: z.literal(1) });
const outcomeRecord = z.object({
  type: z.literal('sendingOutcomes'),
  v: z.literal(1),
  hour: z.string(),
  ttl: z.number().int(),
  delivered: z.number().int().optional(),
  bounced: z.number().int().optional(),
  complained: z.number().int().optional(),
});

const linkCounterRecord = z.object({
  type: z.literal('emailLinkCounter'),
  v: z.literal(1),
  link: z.string(),
  clicked: z.number().int(),
});

/** Messages of an origin on which a link was clicked (each message once per link). */
export interface LinkClicks {
  readonly link: string;
  readonly clicked: number;
}

/** What a workspace's rates are computed from. */
export interface Outcomes {
  readonly delivered: number;
  readonly bounced: number;
  readonly complained: number;
}

const RATE_KINDS = ['delivered', 'bounced', 'complained'] as const;

const addExpression = (counts: Counts, kinds: readonly FeedbackKind[]) => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  for (const kind of kinds) {
    const n = counts[kind];
    if (!n) continue;
    names[`#${kind}`] = kind;
    values[`:${kind}`] = n;
    parts.push(`#${kind} :${kind}`);
  }
  return { names, values, parts };
};

export const hourOf = (at: Date): string => `${at.toISOString().slice(0, 13)}:00Z`;

export const countersRepository = (table: Table, random: () => number = Math.random) => ({
  /** Add counts to one shard of an origin's counter. */
  async addToOrigin(ws: string, origin: string, originId: string, counts: Counts): Promise<void> {
    const { names, values, parts } = addExpression(counts, FEEDBACK_KINDS);
    if (parts.length === 0) return;
    const shard = Math.floor(random() * COUNTER_SHARDS);
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.emailCounter(ws, origin, originId, shard),
        UpdateExpression: `SET #type = :type, #v = :v ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#type': 'type', '#v': 'v' },
        ExpressionAttributeValues: { ...values, ':type': 'emailCounter', ':v': 1 },
      }),
    );
  },

  /** An origin's totals: the sum of its shards (one BatchGetItem). */
  async originTotals(ws: string, origin: string, originId: string): Promise<Counts> {
    const wanted = Array.from({ length: COUNTER_SHARDS }, (_, s) =>
      keys.emailCounter(ws, origin, originId, s),
    );
    const totals: Record<string, number> = {};
    let pending: Record<string, unknown>[] = wanted.map((k) => ({ pk: k.pk, sk: k.sk }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
      const result = await table.client.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending } } }),
      );
      for (const item of result.Responses?.[table.name] ?? []) {
        const shard = readItem(counterRecord, item, 'email counter');
        for (const kind of FEEDBACK_KINDS) totals[kind] = (totals[kind] ?? 0) + (shard[kind] ?? 0);
      }
      pending = result.UnprocessedKeys?.[table.name]?.Keys ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
    return Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, totals[k] ?? 0]));
  },

  /**
   * Add clicks on one link (each a message whose first click on it this is) to one shard of the
   * origin's counter: an item per link beside the shard's counts, in the same partition.
   */
  async addLinkClicks(
    ws: string,
    origin: string,
    originId: string,
    linkHash: string,
    link: string,
    clicked: number,
  ): Promise<void> {
    const shard = Math.floor(random() * COUNTER_SHARDS);
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.emailLinkCounter(ws, origin, originId, shard, linkHash),
        UpdateExpression: 'SET #type = :type, #v = :v, #link = :link ADD #clicked :n',
        ExpressionAttributeNames: { '#type': 'type', '#v': 'v', '#link': 'link', '#clicked': 'clicked' },
        ExpressionAttributeValues: { ':type': 'emailLinkCounter', ':v': 1, ':link': link, ':n': clicked },
      }),
    );
  },

  /** An origin's clicks per link, the shards summed (one Query per shard), most clicked first. */
  async originLinks(ws: string, origin: string, originId: string): Promise<LinkClicks[]> {
    const totals = new Map<string, { link: string; clicked: number }>();
    await Promise.all(
      Array.from({ length: COUNTER_SHARDS }, async (_, shard) => {
        const { pk } = keys.emailCounter(ws, origin, originId, shard);
        let start: Record<string, unknown> | undefined;
        do {
          const page = await table.client.send(
            new QueryCommand({
              TableName: table.name,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.emailLinkCounterPrefix },
              ExclusiveStartKey: start,
            }),
          );
          for (const item of page.Items ?? []) {
            const counter = readItem(linkCounterRecord, item, 'email link counter');
            const sum = totals.get(counter.link) ?? { link: counter.link, clicked: 0 };
            sum.clicked += counter.clicked;
            totals.set(counter.link, sum);
          }
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
    return [...totals.values()]
      .sort((a, b) => b.clicked - a.clicked || a.link.localeCompare(b.link))
      .slice(0, MAX_LINKS_LISTED);
  },

  /** Add deliveries, bounces and complaints to one shard of the workspace's hour. */
  async addOutcomes(ws: string, hour: string, counts: Counts): Promise<void> {
    const { names, values, parts } = addExpression(counts, RATE_KINDS);
    if (parts.length === 0) return;
    const shard = Math.floor(random() * OUTCOME_SHARDS);
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.sendingOutcomes(ws, shard, hour),
        UpdateExpression: `SET #type = :type, #v = :v, #hour = :hour, #ttl = :ttl ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#type': 'type', '#v': 'v', '#hour': 'hour', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ...values,
          ':type': 'sendingOutcomes',
          ':v': 1,
          ':hour': hour,
          ':ttl': Math.floor(Date.parse(hour) / 1000) + OUTCOMES_KEPT_DAYS * 86_400,
        },
      }),
    );
  },

  /** The workspace's outcomes in the hours from `fromHour` to `toHour` inclusive, all shards summed. */
  async outcomesBetween(ws: string, fromHour: string, toHour: string): Promise<Outcomes> {
    const sums = { delivered: 0, bounced: 0, complained: 0 };
    await Promise.all(
      Array.from({ length: OUTCOME_SHARDS }, async (_, shard) => {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await table.client.send(
            new QueryCommand({
              TableName: table.name,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': keys.sendingOutcomesShard(ws, shard),
                ':from': keys.sendingOutcomesHour(fromHour),
                ':to': keys.sendingOutcomesHour(toHour),
              },
              ExclusiveStartKey: start,
            }),
          );
          for (const item of page.Items ?? []) {
            const hour = readItem(outcomeRecord, item, 'sending outcomes');
            for (const kind of RATE_KINDS) sums[kind] += hour[kind] ?? 0;
          }
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
    return sums;
  },
});

export type CountersRepository = ReturnType<typeof countersRepository>;
