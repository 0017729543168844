/** The shared rate-limit counters: one small item per subject per window, expiring soon after it. */
import { UpdateCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import type { Table } from '../shared/table.ts';
import { type RateCounters, WINDOW_SECONDS } from './rate-limit.ts';

export const rateCountersRepository = (table: Table): RateCounters => ({
  async add(workspaceId, subject, windowStart, n) {
    const { Attributes } = await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.rateCounter(workspaceId, subject, windowStart),
        UpdateExpression: 'ADD #n :n SET #ttl = if_not_exists(#ttl, :ttl), #type = :type, #v = :v',
        ExpressionAttributeNames: { '#n': 'n', '#ttl': 'ttl', '#type': 'type', '#v': 'v' },
        ExpressionAttributeValues: {
          ':n': n,
          ':ttl': windowStart + WINDOW_SECONDS + 3600,
          ':type': 'rateCounter',
          ':v': 1,
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const total: unknown = Attributes?.n;
    return typeof total === 'number' ? total : n;
  },
});
