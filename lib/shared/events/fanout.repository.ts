/**
 * The fan-out markers in the table (`keys.fanoutMarker`, one item per workspace; semantics in
 * fanout.ts). The writes are transaction items for the repositories whose change moves the marker
 * (workspace create, endpoint create and delete, a journey going live): they go into the same
 * transaction as that change, so the marker and what it counts never disagree, whatever runs in
 * parallel. Counting is an `ADD` (never read, then written); going live a `SET` of a flag that is never
 * cleared.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, UpdateCommand } from '../dynamodb/commands.ts';
import { TransientError } from '../errors.ts';
import { keys } from '../keys.ts';
import { isConditionFailure, readItem, type Table } from '../table.ts';
import { type Fanout, type FanoutMarker, type FanoutReader, fanoutMarkerRecord, fanoutOf } from './fanout.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** BatchGetItem's limit of keys per request. */
const BATCH_KEYS = 100;
const ATTEMPTS = 5;

const stamp = {
  names: { '#type': 'type', '#v': 'v' },
  values: { ':type': 'fanoutMarker', ':v': 1 },
} as const;

export const fanoutRepository = (table: Table) => {
  const T = table.name;

  /** The marker's Update, stamped with its entity type and schema version. */
  const update = (
    workspaceId: string,
    expression: string,
    values: Record<string, unknown>,
    names: Record<string, string> = {},
  ): TransactItem => ({
    Update: {
      TableName: T,
      Key: keys.fanoutMarker(workspaceId),
      UpdateExpression: expression,
      ExpressionAttributeNames: { ...stamp.names, ...names },
      ExpressionAttributeValues: { ...stamp.values, ...values },
    },
  });

  /** The markers of `workspaceIds` (distinct), strongly consistent: one read unit per workspace. */
  const read: FanoutReader = async (workspaceIds) => {
    const out = new Map<string, Fanout>();
    const ids = [...new Set(workspaceIds)];
    for (let i = 0; i < ids.length; i += BATCH_KEYS) {
      const byPk = new Map(ids.slice(i, i + BATCH_KEYS).map((id) => [keys.fanoutMarker(id).pk, id]));
      let pending = [...byPk.keys()].map((pk) => ({ pk, sk: keys.fanoutMarker('').sk }));
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > ATTEMPTS)
          throw new TransientError(`${pending.length} fan-out markers not read after ${ATTEMPTS} attempts`);
        if (attempt > 1)
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
        const { Responses, UnprocessedKeys } = await table.client.send(
          new BatchGetCommand({ RequestItems: { [T]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of Responses?.[T] ?? []) {
          const workspaceId = byPk.get(String(item.pk));
          if (workspaceId !== undefined)
            out.set(workspaceId, fanoutOf(readItem(fanoutMarkerRecord, item, 'fan-out marker')));
        }
        pending = (UnprocessedKeys?.[T]?.Keys ?? []).map((k) => ({ pk: String(k.pk), sk: String(k.sk) }));
      }
      // No item: a workspace made before the marker existed, which needs every consumer.
      for (const id of byPk.values()) if (!out.has(id)) out.set(id, fanoutOf(undefined));
    }
    return out;
  };

  return {
    read,

    /** A new workspace's marker: nothing counted yet, and complete (`exact`) from the start. */
    created: (workspaceId: string): TransactItem => ({
      Put: {
        TableName: T,
        Item: {
          ...keys.fanoutMarker(workspaceId),
          type: 'fanoutMarker',
          v: 1,
          webhookEndpoints: 0,
          exact: true,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),

    /** One endpoint more (`+1`, with its create) or less (`-1`, with its delete). */
    endpointsMoved: (workspaceId: string, by: 1 | -1): TransactItem =>
      update(workspaceId, 'SET #type = :type, #v = :v ADD webhookEndpoints :by', { ':by': by }),

    /** A journey of the workspace goes live (with its move to `live`). */
    journeyLive: (workspaceId: string): TransactItem =>
      update(workspaceId, 'SET #type = :type, #v = :v, journeysLive = :live', { ':live': true }),

    /** The workspace's marker item as stored, strongly consistent (undefined: none). */
    async get(workspaceId: string): Promise<FanoutMarker | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.fanoutMarker(workspaceId), ConsistentRead: true }),
      );
      return Item ? readItem(fanoutMarkerRecord, Item, 'fan-out marker') : undefined;
    },

    /**
     * Makes a marker from before the marker existed complete: the endpoints counted now (`endpoints`),
     * `journeysLive` if a journey ever went live, `exact`. Conditional on the count still being the
     * `seen` one (read before counting): an endpoint created or deleted meanwhile moved it, so the
     * write fails (false) and the caller counts again. Never clears `journeysLive`.
     */
    async complete(
      workspaceId: string,
      seen: number | undefined,
      counted: { readonly endpoints: number; readonly journeysLive: boolean },
    ): Promise<boolean> {
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.fanoutMarker(workspaceId),
            UpdateExpression: `SET #type = :type, #v = :v, webhookEndpoints = :n, exact = :exact${
              counted.journeysLive ? ', journeysLive = :exact' : ''
            }`,
            ConditionExpression:
              seen === undefined ? 'attribute_not_exists(webhookEndpoints)' : 'webhookEndpoints = :seen',
            ExpressionAttributeNames: stamp.names,
            ExpressionAttributeValues: {
              ...stamp.values,
              ':n': counted.endpoints,
              ':exact': true,
              ...(seen === undefined ? {} : { ':seen': seen }),
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
};

export type FanoutRepository = ReturnType<typeof fanoutRepository>;
