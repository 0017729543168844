/**
 * Journeys in the table: the journey in the workspace partition (`JRN#<id>`), its versions in a
 * partition of their own (`V#000001`...), each written once. Every write after the create is
 * conditional on the `rev` (and status) the writer read; a new version is put (only if absent) in the
 * same transaction as the journey's move to it, so two editors cannot both write version n+1. A move
 * to `live` also sets the workspace's fan-out marker (lib/shared/events/fanout.ts) in that transaction:
 * from then on the bus feeds `journey-events` the workspace's events.
 */
import {
  BatchWriteCommand,
  GetCommand,
  paginateQuery,
  TransactWriteCommand,
} from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { fanoutRepository } from '../shared/events/fanout.repository.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { readItem, retryingConflicts, type Table } from '../shared/table.ts';
import { type PageOptions, workspaceItemsPage } from '../shared/workspace-items-page.ts';
import {
  type Journey,
  type JourneyStatus,
  type JourneyVersion,
  journeyIdSchema,
  journeyRecord,
  journeyVersionRecord,
} from './journey.schema.ts';
import type { JourneyDefinition } from './journey-definition.schema.ts';

export const journeysRepository = (table: Table) => {
  const T = table.name;
  const fanout = fanoutRepository(table);
  /** The marker's write when `journey` is live and was not (`from`), else nothing. */
  const goneLive = (journey: Journey, from?: JourneyStatus) =>
    journey.status === 'live' && from !== 'live' ? [fanout.journeyLive(journey.workspaceId)] : [];
  const page = workspaceItemsPage<Journey, JourneyStatus>(table, {
    prefix: keys.journeyPrefix,
    record: journeyRecord,
    what: 'journey',
    idSchema: journeyIdSchema,
  });
  const journeyPut = (journey: Journey, event?: DomainEvent) => ({
    TableName: T,
    Item: {
      ...keys.journey(journey.workspaceId, journey.id),
      ...journey,
      ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
    },
  });
  const versionPut = (workspaceId: string, version: JourneyVersion) => ({
    TableName: T,
    Item: { ...keys.journeyVersion(workspaceId, version.journeyId, version.version), ...version },
    ConditionExpression: 'attribute_not_exists(pk)',
  });

  return {
    async get(workspaceId: string, journeyId: string): Promise<Journey | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.journey(workspaceId, journeyId), ConsistentRead: true }),
      );
      return Item ? readItem(journeyRecord, Item, 'journey') : undefined;
    },

    async getVersion(
      workspaceId: string,
      journeyId: string,
      version: number,
    ): Promise<JourneyVersion | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.journeyVersion(workspaceId, journeyId, version) }),
      );
      return Item ? readItem(journeyVersionRecord, Item, 'journey version') : undefined;
    },

    /** A new journey and its version 1, together; fails with a condition error if the id is taken. */
    async create(journey: Journey, definition: JourneyDefinition): Promise<void> {
      await retryingConflicts(() =>
        table.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { ...journeyPut(journey), ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Put: versionPut(journey.workspaceId, {
                  type: 'journeyVersion',
                  v: 1,
                  journeyId: journey.id,
                  version: journey.version,
                  definition,
                  createdAt: journey.createdAt,
                }),
              },
              ...goneLive(journey),
            ],
          }),
        ),
      );
    },

    /**
     * The journey moved to `next` (its rev one more than `expected`), and when `definition` is given its
     * new version written with it; fails with a condition error if the journey changed meanwhile.
     */
    async replace(
      next: Journey,
      expected: { readonly rev: number; readonly status: JourneyStatus },
      definition?: JourneyDefinition,
      event?: DomainEvent,
    ): Promise<void> {
      await retryingConflicts(() =>
        table.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  ...journeyPut(next, event),
                  ConditionExpression: '#rev = :rev AND #status = :status',
                  ExpressionAttributeNames: { '#rev': 'rev', '#status': 'status' },
                  ExpressionAttributeValues: { ':rev': expected.rev, ':status': expected.status },
                },
              },
              ...(definition
                ? [
                    {
                      Put: versionPut(next.workspaceId, {
                        type: 'journeyVersion',
                        v: 1,
                        journeyId: next.id,
                        version: next.version,
                        definition,
                        createdAt: next.updatedAt,
                      }),
                    },
                  ]
                : []),
              ...goneLive(next, expected.status),
            ],
          }),
        ),
      );
    },

    /** Removes a draft journey (if still a draft at `rev`) and its versions. */
    async deleteDraft(journey: Journey): Promise<void> {
      await table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: T,
                Key: keys.journey(journey.workspaceId, journey.id),
                ConditionExpression: '#rev = :rev AND #status = :draft',
                ExpressionAttributeNames: { '#rev': 'rev', '#status': 'status' },
                ExpressionAttributeValues: { ':rev': journey.rev, ':draft': 'draft' },
              },
            },
          ],
        }),
      );
      for await (const page of paginateQuery(
        { client: table.client },
        {
          TableName: T,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': keys.journeyVersionsPartition(journey.workspaceId, journey.id),
          },
          ProjectionExpression: 'pk, sk',
        },
      )) {
        const items = page.Items ?? [];
        for (let i = 0; i < items.length; i += 25)
          await table.client.send(
            new BatchWriteCommand({
              RequestItems: {
                [T]: items
                  .slice(i, i + 25)
                  .map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
              },
            }),
          );
      }
    },

    /** A page of the workspace's journeys, newest first, optionally of one status. */
    async list(
      workspaceId: string,
      options: PageOptions<JourneyStatus>,
    ): Promise<{ journeys: Journey[]; next?: string }> {
      const { items, next } = await page(workspaceId, options);
      return { journeys: items, ...(next ? { next } : {}) };
    },
  };
};

export type JourneysRepository = ReturnType<typeof journeysRepository>;
