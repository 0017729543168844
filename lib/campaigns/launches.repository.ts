/**
 * The record of each campaign launch, by time (`keys.campaignLaunch`): written by the launch itself
 * (campaigns.repository.ts), read by a contact's timeline to find the campaigns that may have sent to
 * it in a span of time, in one Query of a small partition (one item per campaign ever launched).
 */
import * as z from 'zod';
import { paginateQuery } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';

export const campaignLaunchRecord = z.object({
  type: z.literal('campaignLaunch'),
  v: z.literal(1),
  campaignId: z.string(),
  startedAt: z.string(),
});

export interface CampaignLaunch {
  readonly campaignId: string;
  readonly startedAt: string;
}

export const launchesRepository = (table: Table) => ({
  /**
   * The campaigns launched from `from` to `until` (ISO instants, both included; either open), newest
   * first. Eventually consistent: a launch of the last second may be missed, never a wrong one shown.
   */
  async between(
    workspaceId: string,
    from: string | undefined,
    until: string | undefined,
  ): Promise<CampaignLaunch[]> {
    const pk = keys.campaignLaunches(workspaceId);
    const range =
      from !== undefined && until !== undefined
        ? { condition: ' AND sk BETWEEN :from AND :until', values: { ':from': from, ':until': `${until}~` } }
        : from !== undefined
          ? { condition: ' AND sk >= :from', values: { ':from': from } }
          : until !== undefined
            ? { condition: ' AND sk <= :until', values: { ':until': `${until}~` } }
            : { condition: '', values: {} };
    const out: CampaignLaunch[] = [];
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: `pk = :pk${range.condition}`,
        ExpressionAttributeValues: { ':pk': pk, ...range.values },
        ScanIndexForward: false,
      },
    )) {
      for (const item of page.Items ?? []) {
        const { campaignId, startedAt } = readItem(campaignLaunchRecord, item, 'campaign launch');
        out.push({ campaignId, startedAt });
      }
    }
    return out;
  },
});

export type LaunchesRepository = ReturnType<typeof launchesRepository>;
