/**
 * Which shards of a campaign's audience snapshot are written whole: one small item per shard, in one
 * partition per campaign, put when the shard's snapshot ends. The campaign can finish only when all
 * of them are there (a shard still being written has recipients nobody has counted yet).
 */
import { PutCommand, QueryCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import type { Table } from '../../shared/table.ts';

export const snapshotShardsRepository = (table: Table) => ({
  async markDone(workspaceId: string, campaignId: string, shard: number, chunks: number): Promise<void> {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.campaignSnapshotShard(workspaceId, campaignId, shard),
          type: 'snapshotShard',
          chunks,
        },
      }),
    );
  },

  /** How many shards are written whole. */
  async doneCount(workspaceId: string, campaignId: string): Promise<number> {
    const { Count } = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.campaignSnapshotShards(workspaceId, campaignId) },
        Select: 'COUNT',
        ConsistentRead: true,
      }),
    );
    return Count ?? 0;
  },
});

export type SnapshotShardsRepository = ReturnType<typeof snapshotShardsRepository>;
