/**
 * Campaigns in the table: one item per campaign in the workspace partition (`CMP#<id>`). Every write
 * after the create is conditional on the status and `rev` the writer read (so two writers never both
 * move a campaign, and an edit never lands on a campaign that left draft meanwhile), and carries its
 * domain event in `_ev` (the outbox). A write may take extra items into its transaction (the record of
 * an `Idempotency-Key`).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../shared/table.ts';
import { type PageOptions, workspaceItemsPage } from '../shared/workspace-items-page.ts';
import type { AbMetric } from './ab-test.schema.ts';
import { type Campaign, type CampaignStatus, campaignIdSchema, campaignRecord } from './campaign.schema.ts';
import { campaignLaunchRecord } from './launches.repository.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a conditional write expects to find: the status and rev it read. */
export interface Expected {
  readonly status: CampaignStatus;
  readonly rev: number;
}

const campaignItem = (campaign: Campaign, event: DomainEvent | undefined) => ({
  ...keys.campaign(campaign.workspaceId, campaign.id),
  ...campaign,
  ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
});

/**
 * The launch (draft or scheduled → sending) writes the launch's record in the same transaction, so
 * every campaign that sent has one, written once whichever path launched it (`keys.campaignLaunch`).
 */
const launchRecord = (T: string, next: Campaign, expected: Expected): TransactItem[] =>
  next.status === 'sending' && next.startedAt !== undefined && LAUNCHED_FROM.has(expected.status)
    ? [
        {
          Put: {
            TableName: T,
            Item: {
              ...keys.campaignLaunch(next.workspaceId, next.startedAt, next.id),
              ...campaignLaunchRecord.parse({
                type: 'campaignLaunch',
                v: 1,
                campaignId: next.id,
                startedAt: next.startedAt,
              }),
            },
          },
        },
      ]
    : [];
const LAUNCHED_FROM: ReadonlySet<CampaignStatus> = new Set(['draft', 'scheduled']);

export const campaignsRepository = (table: Table) => {
  const T = table.name;
  const page = workspaceItemsPage<Campaign, CampaignStatus>(table, {
    prefix: keys.campaignPrefix,
    record: campaignRecord,
    what: 'campaign',
    idSchema: campaignIdSchema,
  });

  /** One Put, or a transaction when other items must be written with it. */
  const write = async (put: NonNullable<TransactItem['Put']>, extra: readonly TransactItem[]) => {
    if (extra.length === 0) await table.client.send(new PutCommand(put));
    else await table.client.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...extra] }));
  };

  return {
    async get(workspaceId: string, campaignId: string): Promise<Campaign | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: T, Key: keys.campaign(workspaceId, campaignId), ConsistentRead: true }),
      );
      return Item ? readItem(campaignRecord, Item, 'campaign') : undefined;
    },

    /** Store a new campaign; fails with a condition error if its id is taken. */
    async create(campaign: Campaign, extra: readonly TransactItem[] = []): Promise<void> {
      await write(
        {
          TableName: T,
          Item: campaignItem(campaign, undefined),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
        extra,
      );
    },

    /**
     * Replace a campaign if it still has the status and rev it was read with; fails with a condition
     * error otherwise. `next.rev` must be `expected.rev + 1`.
     */
    async replace(
      next: Campaign,
      expected: Expected,
      event: DomainEvent | undefined,
      extra: readonly TransactItem[] = [],
    ): Promise<void> {
      if (next.rev !== expected.rev + 1) throw new Error('a campaign write must increment its rev by one');
      await write(
        {
          TableName: T,
          Item: campaignItem(next, event),
          ConditionExpression: '#status = :status AND rev = :rev',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': expected.status, ':rev': expected.rev },
        },
        [...extra, ...launchRecord(T, next, expected)],
      );
    },

    /**
     * Record an A/B test's winner, once: only on a campaign that has a test without a winner yet and
     * is in one of `statuses`. True when this write decided it; false when the condition failed (it
     * was decided before, or the campaign has no test or left those statuses). Increments `rev`, so a
     * writer that read the campaign before reads it again rather than writing the winner away.
     */
    async setAbWinner(
      workspaceId: string,
      campaignId: string,
      decision: { readonly winner: number; readonly decidedAt: string; readonly decidedBy: AbMetric },
      statuses: readonly CampaignStatus[],
    ): Promise<boolean> {
      const allowed = Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s]));
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.campaign(workspaceId, campaignId),
            UpdateExpression:
              'SET abTest.winner = :winner, abTest.decidedAt = :at, abTest.decidedBy = :by, updatedAt = :at ADD rev :one',
            ConditionExpression: `attribute_exists(abTest) AND attribute_not_exists(abTest.winner) AND #status IN (${Object.keys(allowed).join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':winner': decision.winner,
              ':at': decision.decidedAt,
              ':by': decision.decidedBy,
              ':one': 1,
              ...allowed,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Delete a campaign if it still has the status and rev it was read with. */
    async remove(workspaceId: string, campaignId: string, expected: Expected): Promise<void> {
      await table.client.send(
        new DeleteCommand({
          TableName: T,
          Key: keys.campaign(workspaceId, campaignId),
          ConditionExpression: '#status = :status AND rev = :rev',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': expected.status, ':rev': expected.rev },
        }),
      );
    },

    /** A page of the workspace's campaigns, newest first, optionally of one status. */
    async list(
      workspaceId: string,
      options: PageOptions<CampaignStatus>,
    ): Promise<{ campaigns: Campaign[]; next?: string }> {
      const { items, next } = await page(workspaceId, options);
      return { campaigns: items, ...(next ? { next } : {}) };
    },
  };
};

export type CampaignsRepository = ReturnType<typeof campaignsRepository>;
