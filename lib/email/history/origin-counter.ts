/**
 * The write side of an origin's sharded counter (counters.repository.ts reads and writes the rest):
 * add counts to one random shard in one UpdateItem. Its own small module so that the send path, which
 * counts the campaign emails SES took (lib/campaigns/send/sent-entries.ts), does not ship the readers'
 * schemas (the send-email bundle's size is a cold-start budget).
 */
import { UpdateCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import type { Table } from '../../shared/table.ts';
import { FEEDBACK_KINDS, type FeedbackKind } from '../feedback/feedback.ts';

/** Shards of one origin's counter: 16 × ~300 writes/s is far above what SES reports for one campaign. */
export const COUNTER_SHARDS = 16;

export type Counts = Partial<Record<FeedbackKind, number>>;

/** `ADD` parts of an UpdateExpression for the counts of `kinds` (zeros left out). */
export const addExpression = (counts: Counts, kinds: readonly FeedbackKind[]) => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  for (const kind of kinds) {
    const n = counts[kind];
    if (!n) continue;
    names[`#${kind}`] = kind;
    values[`:${kind}`] = n;
    parts.push(`#${kind} :${kind}`);
  }
  return { names, values, parts };
};

/** Adds counts to one shard of an origin's counter. */
export const addToOriginCounter =
  (table: Table, random: () => number = Math.random) =>
  async (ws: string, origin: string, originId: string, counts: Counts): Promise<void> => {
    const { names, values, parts } = addExpression(counts, FEEDBACK_KINDS);
    if (parts.length === 0) return;
    const shard = Math.floor(random() * COUNTER_SHARDS);
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.emailCounter(ws, origin, originId, shard),
        UpdateExpression: `SET #type = :type, #v = :v ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#type': 'type', '#v': 'v' },
        ExpressionAttributeValues: { ...values, ':type': 'emailCounter', ':v': 1 },
      }),
    );
  };
