/**
 * A campaign's chunks in the table (chunk.schema.ts): written once by the snapshot, then claimed and
 * settled by the send path in one conditional update per step, whatever the number of recipients:
 *
 * - a recipient is claimed only from `p` (pending): two deliveries of the same chunk cannot both
 *   claim it, and a recipient settled before is never claimed again;
 * - a claimed recipient is settled only from `c`: released (back to `p`), sent, failed, unknown, or
 *   capped (`k`: over the workspace's frequency cap, counted after the claim).
 *
 * A write whose condition fails re-reads what it lost to (the item comes back with the failure) and
 * applies itself to the recipients still in the state it expects.
 */

import type { ClaimEntry, ClaimStore, Settlement } from '../../email/send/claims.ts';
import {
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  UpdateCommand,
} from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../../shared/table.ts';
import { type CampaignChunk, type ChunkRef, type ChunkState, chunkRecord } from './chunk.schema.ts';

/** One recipient's move inside a chunk. */
interface Move {
  readonly index: number;
  readonly to: ChunkState;
  readonly reason?: string | undefined;
}

/**
 * Attempts of one conditional chunk write before giving up: each retry follows a lost race, that is a
 * recipient of the write moved meanwhile (SES's Send events confirm recipients one by one while their
 * sender settles them), so a write of n recipients can lose at most n races that shrink it.
 */
const attemptsFor = (moves: number) => moves + 4;

const keyOf = (ref: ChunkRef) => keys.campaignChunk(ref.workspaceId, ref.campaignId, ref.shard, ref.page);

export const chunksRepository = (table: Table) => {
  const T = table.name;

  /**
   * Moves recipients from `from` to their new state, in one write; the moves whose recipient was no
   * longer in `from` are dropped (another delivery took them). Returns the moves applied.
   */
  const move = async (
    ref: ChunkRef,
    from: ChunkState | readonly ChunkState[],
    moves: readonly Move[],
  ): Promise<Move[]> => {
    const sources = [from].flat();
    let pending = [...moves];
    const attempts = attemptsFor(moves.length);
    for (let attempt = 0; attempt < attempts && pending.length > 0; attempt++) {
      const names: Record<string, string> = { '#st': 'states' };
      const values: Record<string, unknown> = Object.fromEntries(sources.map((f, k) => [`:from${k}`, f]));
      const inFrom = sources.map((_, k) => `:from${k}`).join(', ');
      const set: string[] = [];
      const conditions: string[] = [];
      for (const m of pending) {
        values[`:s${m.index}`] = m.to;
        set.push(`#st[${m.index}] = :s${m.index}`);
        conditions.push(`#st[${m.index}] IN (${inFrom})`);
        if (m.reason !== undefined) {
          names['#rs'] = 'reasons';
          names[`#r${m.index}`] = String(m.index);
          values[`:r${m.index}`] = m.reason;
          set.push(`#rs.#r${m.index} = :r${m.index}`);
        }
      }
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keyOf(ref),
            UpdateExpression: `SET ${set.join(', ')}`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return pending;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const old = conditionFailureItem(error);
        if (old === undefined) return [];
        const now = readItem(chunkRecord, old, 'campaign chunk');
        pending = pending.filter((m) => sources.some((f) => f === now.states[m.index]));
      }
    }
    if (pending.length > 0) throw new Error('a campaign chunk kept changing under its claim');
    return [];
  };

  const get = async (ref: ChunkRef, consistent = false): Promise<CampaignChunk | undefined> => {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: T, Key: keyOf(ref), ...(consistent ? { ConsistentRead: true } : {}) }),
    );
    return Item ? readItem(chunkRecord, Item, 'campaign chunk') : undefined;
  };

  return {
    /**
     * Writes a new chunk with every recipient pending (`waves`: each recipient's send wave, all 0 for
     * a campaign sent at one moment; `variants`: each recipient's A/B variant, for a campaign with an
     * A/B test only); false when the chunk was written before.
     */
    async create(
      ref: ChunkRef,
      contacts: readonly string[],
      waves?: readonly number[],
      variants?: readonly number[],
    ): Promise<boolean> {
      const each = waves ?? contacts.map(() => 0);
      const chunk: CampaignChunk = {
        type: 'campaignChunk',
        v: 1,
        campaignId: ref.campaignId,
        shard: ref.shard,
        page: ref.page,
        contacts: [...contacts],
        states: contacts.map(() => 'p'),
        waves: [...each],
        waveSet: [...new Set(each)].sort((a, b) => a - b),
        reasons: {},
        ...(variants ? { variants: [...variants] } : {}),
      };
      try {
        await table.client.send(
          new PutCommand({
            TableName: T,
            Item: { ...keyOf(ref), ...readItem(chunkRecord, chunk, 'campaign chunk') },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * The last chunk written in a shard partition: where its snapshot resumes (strongly consistent
     * unless `consistent` is false, as for a reader that only looks).
     */
    async last(
      workspaceId: string,
      campaignId: string,
      shard: number,
      consistent = true,
    ): Promise<CampaignChunk | undefined> {
      const { Items } = await table.client.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.campaignChunkShard(workspaceId, campaignId, shard) },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: consistent,
        }),
      );
      const item = Items?.[0];
      return item ? readItem(chunkRecord, item, 'campaign chunk') : undefined;
    },

    get,

    /** Every chunk of one shard partition (those with recipients in one wave, when given), in order. */
    async *list(workspaceId: string, campaignId: string, shard: number, wave?: number) {
      const onlyWave =
        wave === undefined
          ? {}
          : {
              FilterExpression: 'contains(waveSet, :wave)',
              ExpressionAttributeValues: { ':wave': wave },
            };
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk',
          ...onlyWave,
          ExpressionAttributeValues: {
            ':pk': keys.campaignChunkShard(workspaceId, campaignId, shard),
            ...onlyWave.ExpressionAttributeValues,
          },
        },
      )) {
        for (const item of page.Items ?? []) yield readItem(chunkRecord, item, 'campaign chunk');
      }
    },

    /** Pending recipients of a cancelled campaign's chunk become `x`; returns how many did. */
    async cancelPending(ref: ChunkRef, chunk: CampaignChunk): Promise<number> {
      const moves = chunk.states.flatMap((s, index): Move[] => (s === 'p' ? [{ index, to: 'x' }] : []));
      return moves.length === 0 ? 0 : (await move(ref, 'p', moves)).length;
    },

    /**
     * Recipients claimed or unknown that SES never confirmed (the finish check, long after their
     * send) become failed with `reason`; returns how many did.
     */
    async failInFlight(ref: ChunkRef, chunk: CampaignChunk, reason: string): Promise<number> {
      let failed = 0;
      for (const from of ['c', 'u'] as const) {
        const moves = chunk.states.flatMap((s, index): Move[] =>
          s === from ? [{ index, to: 'f', reason }] : [],
        );
        if (moves.length > 0) failed += (await move(ref, from, moves)).length;
      }
      return failed;
    },

    /**
     * SES's Send event for a campaign email: a recipient still claimed (its send crashed before
     * settling) or unknown (its SES call ended without an answer) was accepted after all. True when
     * this settled it; false when it was settled before (the usual case: the send path records it)
     * or is not in the chunk.
     */
    async confirmSent(ref: ChunkRef, contactId: string): Promise<boolean> {
      // Consistent: SES's event can follow the claim by milliseconds.
      const chunk = await get(ref, true);
      const index = chunk?.contacts.indexOf(contactId) ?? -1;
      const state = chunk?.states[index];
      if (index < 0 || (state !== 'c' && state !== 'u')) return false;
      // From either: its sender may be settling it as unknown at this very moment.
      return (await move(ref, ['c', 'u'], [{ index, to: 's' }])).length > 0;
    },

    /**
     * SES's Send event of a call's witness (campaign-claims.ts): every recipient of the chunk still
     * claimed or unknown was taken by SES. Returns how many this settled.
     */
    async confirmCall(ref: ChunkRef): Promise<number> {
      const chunk = await get(ref, true);
      const moves = (chunk?.states ?? []).flatMap((s, index): Move[] =>
        s === 'c' || s === 'u' ? [{ index, to: 's' }] : [],
      );
      return moves.length === 0 ? 0 : (await move(ref, ['c', 'u'], moves)).length;
    },

    /**
     * The chunk as the send path's claim store. `indexOf` maps each message id of the send request to
     * its recipient's position in the chunk.
     */
    claims(ref: ChunkRef, indexOf: ReadonlyMap<string, number>): ClaimStore {
      const at = (messageId: string): number => {
        const index = indexOf.get(messageId);
        if (index === undefined) throw new Error(`message ${messageId} is not in this chunk`);
        return index;
      };
      const recordMove = (e: ClaimEntry): Move => {
        const { status, reason } = e.message;
        const index = at(e.message.messageId);
        if (status === 'claimed') return { index, to: 'c' };
        if (status === 'refused') return { index, to: 'r', reason };
        if (status === 'failed') return { index, to: 'f', reason };
        throw new Error(`a chunk does not record a ${status} recipient before sending`);
      };
      const settleMove = (s: Settlement): Move => {
        const index = at(s.messageId);
        switch (s.outcome) {
          case 'sent':
            return { index, to: 's' };
          case 'failed':
            return { index, to: 'f', reason: s.reason };
          case 'unknown':
            return { index, to: 'u', reason: `outcome unknown: ${s.reason}` };
          case 'released':
            return { index, to: 'p' };
          case 'capped':
            return { index, to: 'k' };
        }
      };
      const byIndex = new Map<number, string>([...indexOf].map(([id, i]) => [i, id]));
      const ids = (moves: readonly Move[]) => new Set(moves.flatMap((m) => byIndex.get(m.index) ?? []));
      return {
        async record(_ws, entries) {
          return entries.length === 0 ? new Set() : ids(await move(ref, 'p', entries.map(recordMove)));
        },
        async settle(_ws, settlements) {
          if (settlements.length > 0) await move(ref, 'c', settlements.map(settleMove));
        },
      };
    },
  };
};

export type ChunksRepository = ReturnType<typeof chunksRepository>;
