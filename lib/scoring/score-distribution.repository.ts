/**
 * The score distribution counters (what they mean: ./score-distribution.ts): one item per shard
 * (`W#<ws>#SCN#<shard>` / `SCN`), one number attribute per bucket and per stage. Changes are `ADD`s
 * made inside the transaction that writes the ledger they follow; reading is one BatchGetItem of the
 * shards.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Contact } from '../contacts/contact.schema.ts';
import { BatchGetCommand, TransactWriteCommand } from '../shared/dynamodb/commands.ts';
import { keys, SCORE_COUNTER_SHARDS } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { counterDeltas, positionOf } from './score-distribution.ts';

const TYPE = 'scoreCounter';

/** One write of a transaction (the contacts repository's writes carry it unopened). */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A counter shard as stored: its keys, entity type and version, and counters (numbers) only. */
const counterRecord = z
  .object({ pk: z.string(), sk: z.string(), type: z.literal(TYPE), v: z.literal(1) })
  .catchall(z.number().int());

/**
 * The transaction item that applies `deltas` to the shard `contactId` is counted in; undefined when
 * nothing changes (then the ledger's write carries no counter write at all).
 */
export const scoreCounterUpdate = (
  tableName: string,
  workspaceId: string,
  contactId: string,
  deltas: Readonly<Record<string, number>>,
): TransactItem | undefined => {
  const changes = Object.entries(deltas);
  if (changes.length === 0) return undefined;
  return {
    Update: {
      TableName: tableName,
      Key: keys.scoreCounter(workspaceId, contactId),
      UpdateExpression: `SET #type = :type, #v = :v ADD ${changes.map((_, i) => `#c${i} :d${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#v': 'v',
        ...Object.fromEntries(changes.map(([name], i) => [`#c${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':type': TYPE,
        ':v': 1,
        ...Object.fromEntries(changes.map(([, n], i) => [`:d${i}`, n])),
      },
    },
  };
};

export const scoreDistributionRepository = (table: Table) => ({
  /** Every shard's counters (eventually consistent: a count may trail a score change by a moment). */
  async shards(workspaceId: string): Promise<Record<string, number>[]> {
    let pending: Record<string, unknown>[] = Array.from({ length: SCORE_COUNTER_SHARDS }, (_, shard) => ({
      ...keys.scoreCounterShard(workspaceId, shard),
    }));
    const out: Record<string, number>[] = [];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
      const result = await table.client.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending } } }),
      );
      for (const item of result.Responses?.[table.name] ?? []) {
        const {
          pk: _pk,
          sk: _sk,
          type: _t,
          v: _v,
          ...counters
        } = readItem(counterRecord, item, 'score counter');
        out.push(counters);
      }
      pending = result.UnprocessedKeys?.[table.name]?.Keys ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
    return out;
  },

  /**
   * Counts a ledger written before the counters existed: marks it counted (a new rev, so that any
   * writer that read the contact before retries on it as counted) and adds it to its position, in
   * one transaction. False when the contact changed since it was read.
   */
  async countLedger(contact: Contact): Promise<boolean> {
    const ledger = contact.score;
    if (!ledger || ledger.counted) return false;
    const counter = scoreCounterUpdate(
      table.name,
      contact.workspaceId,
      contact.id,
      counterDeltas(undefined, positionOf(ledger)),
    );
    try {
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table.name,
                Key: keys.contact(contact.workspaceId, contact.id),
                UpdateExpression: 'SET #score.#counted = :true, rev = :next',
                ConditionExpression: 'rev = :rev',
                ExpressionAttributeNames: { '#score': 'score', '#counted': 'counted' },
                ExpressionAttributeValues: { ':true': true, ':rev': contact.rev, ':next': contact.rev + 1 },
              },
            },
            ...(counter ? [counter] : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});

export type ScoreDistributionRepository = ReturnType<typeof scoreDistributionRepository>;
