/** Every search term item of a workspace, read shard by shard (consistent): what the index holds. */
import { QueryCommand } from '../../lib/shared/dynamodb/commands.ts';
import { keys, SEARCH_SHARDS } from '../../lib/shared/keys.ts';
import type { Table } from '../../lib/shared/table.ts';

export const searchTermItems = async (
  table: Table,
  workspaceId: string,
): Promise<{ readonly term: string; readonly contactId: string }[]> => {
  const out: { term: string; contactId: string }[] = [];
  for (let shard = 0; shard < SEARCH_SHARDS; shard++) {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.searchShard(workspaceId, shard) },
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const contactId = String(item.contactId);
      out.push({ term: String(item.sk).slice(0, -contactId.length - 1), contactId });
    }
  }
  return out;
};
