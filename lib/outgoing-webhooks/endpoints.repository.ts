/**
 * Outgoing webhook endpoints in the workspace partition (`WHE#<id>`). Every change after the create is
 * conditional on the `rev` the writer read (the use case answers a lost race with 409); the delivery
 * path's health marks (`failingSince`, disable) are conditional on the state they move from, so two
 * deliveries failing at once never disable twice, and move `rev` too, so an edit read before a mark
 * never writes over it. A create and a delete also move the workspace's count of endpoints (its fan-out
 * marker, lib/shared/events/fanout.ts) in the same transaction, so the bus feeds `deliver-webhooks`
 * exactly while the workspace has an endpoint.
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { fanoutRepository } from '../shared/events/fanout.repository.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, retryingConflicts, type Table } from '../shared/table.ts';
import { type PageOptions, workspaceItemsPage } from '../shared/workspace-items-page.ts';
import { type Endpoint, type EndpointStatus, endpointIdSchema, endpointRecord } from './endpoint.schema.ts';

export const endpointsRepository = (table: Table) => {
  const T = table.name;
  const page = workspaceItemsPage<Endpoint, EndpointStatus>(table, {
    prefix: keys.webhookEndpointPrefix,
    record: endpointRecord,
    what: 'webhook endpoint',
    idSchema: endpointIdSchema,
  });
  const key = (workspaceId: string, endpointId: string) => keys.webhookEndpoint(workspaceId, endpointId);
  const fanout = fanoutRepository(table);
  /** Runs a conditional write; false when its condition failed. */
  const conditional = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };

  return {
    async get(workspaceId: string, endpointId: string): Promise<Endpoint | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: key(workspaceId, endpointId), ConsistentRead: true }),
      );
      return Item ? readItem(endpointRecord, Item, 'webhook endpoint') : undefined;
    },

    /** A page of the workspace's endpoints, newest first. */
    async page(workspaceId: string, options: PageOptions<EndpointStatus>) {
      const { items, next } = await page(workspaceId, options);
      return { endpoints: items, ...(next ? { next } : {}) };
    },

    /**
     * Every endpoint of the workspace (what the delivery path fans an event out to), read strongly
     * consistent: an endpoint made a moment ago gets the events that follow it.
     */
    async all(workspaceId: string): Promise<Endpoint[]> {
      const out: Endpoint[] = [];
      let cursor: string | undefined;
      do {
        const { items, next } = await page(workspaceId, { limit: 100, cursor, consistent: true });
        out.push(...items);
        cursor = next;
      } while (cursor);
      return out;
    },

    /** Stores a new endpoint and counts it in the workspace's marker; false if the id is taken. */
    create: (endpoint: Endpoint): Promise<boolean> =>
      conditional(() =>
        retryingConflicts(() =>
          table.client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: T,
                    Item: { ...key(endpoint.workspaceId, endpoint.id), ...endpoint },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                fanout.endpointsMoved(endpoint.workspaceId, 1),
              ],
            }),
          ),
        ),
      ),

    /** Replaces the endpoint with `next` if it is still at `expectedRev`; false if it changed or went. */
    replace: (next: Endpoint, expectedRev: number, event?: DomainEvent): Promise<boolean> =>
      conditional(() =>
        table.client.send(
          new PutCommand({
            TableName: T,
            Item: {
              ...key(next.workspaceId, next.id),
              ...next,
              ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
            },
            ConditionExpression: '#rev = :rev',
            ExpressionAttributeNames: { '#rev': 'rev' },
            ExpressionAttributeValues: { ':rev': expectedRev },
          }),
        ),
      ),

    /**
     * Deletes the endpoint if it is still at `expectedRev`, and counts it out of the workspace's
     * marker; false if it changed or went.
     */
    remove: (workspaceId: string, endpointId: string, expectedRev: number): Promise<boolean> =>
      conditional(() =>
        retryingConflicts(() =>
          table.client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Delete: {
                    TableName: T,
                    Key: key(workspaceId, endpointId),
                    ConditionExpression: '#rev = :rev',
                    ExpressionAttributeNames: { '#rev': 'rev' },
                    ExpressionAttributeValues: { ':rev': expectedRev },
                  },
                },
                fanout.endpointsMoved(workspaceId, -1),
              ],
            }),
          ),
        ),
      ),

    /** Marks an enabled endpoint failing since `at`, unless it already is (the earliest mark stays). */
    markFailing: (workspaceId: string, endpointId: string, at: string): Promise<boolean> =>
      conditional(() =>
        table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: key(workspaceId, endpointId),
            UpdateExpression: 'SET failingSince = :at, #rev = #rev + :one',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(failingSince)',
            ExpressionAttributeNames: { '#rev': 'rev' },
            ExpressionAttributeValues: { ':at': at, ':one': 1 },
          }),
        ),
      ),

    /** A success: the endpoint is no longer failing. */
    clearFailing: (workspaceId: string, endpointId: string): Promise<boolean> =>
      conditional(() =>
        table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: key(workspaceId, endpointId),
            UpdateExpression: 'SET #rev = #rev + :one REMOVE failingSince',
            ConditionExpression: 'attribute_exists(failingSince)',
            ExpressionAttributeNames: { '#rev': 'rev' },
            ExpressionAttributeValues: { ':one': 1 },
          }),
        ),
      ),
  };
};

export type EndpointsRepository = ReturnType<typeof endpointsRepository>;
