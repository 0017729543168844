/**
 * A journey's run counters: how many runs entered, and ended for each reason, and what its goals were
 * worth per currency (orders that reached the goal). Sharded like the email counters: each addition
 * goes to a random shard, each its own partition, and a reader sums the shards in one BatchGetItem.
 * In progress is entered minus ended. Emails and their engagement per step are the email counters of
 * origin `journey`, `<journeyId>-<stepId>`.
 */
import * as z from 'zod';
import { BatchGetCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { RUN_ENDS, type RunEnd } from './runs.repository.ts';

export const JOURNEY_COUNTER_SHARDS = 8;

export interface RunCounts {
  readonly entered: number;
  readonly ended: Readonly<Record<RunEnd, number>>;
  /** Minor units per currency. */
  readonly revenue: Readonly<Record<string, number>>;
}

export interface RunCountsDelta {
  entered?: number;
  ended?: Partial<Record<RunEnd, number>>;
  revenue?: Record<string, number>;
}

const CURRENCY = /^[A-Z]{3}$/;
const counterItem = z.record(z.string(), z.unknown());

export const journeyCountersRepository = (table: Table, random: () => number = Math.random) => ({
  async add(workspaceId: string, journeyId: string, delta: RunCountsDelta): Promise<void> {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'journeyCounter' };
    const parts: string[] = [];
    const add = (attribute: string, n: number) => {
      if (n === 0) return;
      const i = parts.length;
      names[`#a${i}`] = attribute;
      values[`:a${i}`] = n;
      parts.push(`#a${i} :a${i}`);
    };
    add('entered', delta.entered ?? 0);
    for (const end of RUN_ENDS) add(`ended_${end}`, delta.ended?.[end] ?? 0);
    for (const [currency, amount] of Object.entries(delta.revenue ?? {}))
      if (CURRENCY.test(currency)) add(`revenue_${currency}`, amount);
    if (parts.length === 0) return;
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.journeyCounter(workspaceId, journeyId, Math.floor(random() * JOURNEY_COUNTER_SHARDS)),
        UpdateExpression: `SET #type = :type ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  },

  async totals(workspaceId: string, journeyId: string): Promise<RunCounts> {
    const wanted = Array.from({ length: JOURNEY_COUNTER_SHARDS }, (_, s) =>
      keys.journeyCounter(workspaceId, journeyId, s),
    );
    const { Responses } = await table.client.send(
      new BatchGetCommand({ RequestItems: { [table.name]: { Keys: wanted } } }),
    );
    const ended = Object.fromEntries(RUN_ENDS.map((e) => [e, 0])) as Record<RunEnd, number>;
    const revenue: Record<string, number> = {};
    let entered = 0;
    for (const raw of Responses?.[table.name] ?? []) {
      const item = readItem(counterItem, raw, 'journey counter');
      for (const [name, value] of Object.entries(item)) {
        if (typeof value !== 'number') continue;
        if (name === 'entered') entered += value;
        const end = RUN_ENDS.find((e) => name === `ended_${e}`);
        if (end) ended[end] += value;
        if (name.startsWith('revenue_')) {
          const currency = name.slice('revenue_'.length);
          revenue[currency] = (revenue[currency] ?? 0) + value;
        }
      }
    }
    return { entered, ended, revenue };
  },
});

export type JourneyCountersRepository = ReturnType<typeof journeyCountersRepository>;
