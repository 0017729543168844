/**
 * A contact's score history: the entries the scorer writes (one per input that moved the score or the
 * stage, in the contact's partition), read back through their schema and shown newest first, a page
 * at a time. Entries are keyed by input, not by time, so a page sorts the contact's most recent
 * 1,000 entries and the cursor is the last entry shown (its time and id).
 */

import * as z from 'zod';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import { cursorCodec } from '../shared/cursor.ts';
import { QueryCommand } from '../shared/dynamodb/commands.ts';
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { type ScoreHistoryEntryView, scoreHistoryRecord } from './score-history.schema.ts';

const MAX_ENTRIES = 1_000;

const historyCursor = cursorCodec(
  z.strictObject({
    at: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'not a timestamp'),
    id: z.string().min(1).max(300),
  }),
  'score-history',
);

const newestFirst = (a: ScoreHistoryEntryView, b: ScoreHistoryEntryView) =>
  b.at.localeCompare(a.at) || b.id.localeCompare(a.id);

export const readScoreHistory = async (
  workspaceId: string,
  contactId: string,
  page: { limit: number; cursor?: string | undefined },
  deps: { readonly table: Table; readonly contacts: Pick<ContactsRepository, 'get'> },
): Promise<{ entries: ScoreHistoryEntryView[]; next?: string }> => {
  const after = page.cursor ? historyCursor.decode(page.cursor) : undefined;
  if (!(await deps.contacts.get(workspaceId, contactId))) throw new NotFoundError(`no contact ${contactId}`);
  const entries: ScoreHistoryEntryView[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await deps.table.client.send(
      new QueryCommand({
        TableName: deps.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: {
          ':pk': keys.contactPartition(workspaceId, contactId),
          ':p': keys.scoreHistoryPrefix,
        },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) {
      const { sk, pk: _pk, type: _t, v: _v, ...entry } = readItem(scoreHistoryRecord, item, 'score history');
      entries.push({ id: sk.slice(keys.scoreHistoryPrefix.length), ...entry });
    }
    start = result.LastEvaluatedKey;
  } while (start && entries.length < MAX_ENTRIES);
  const sorted = entries.sort(newestFirst);
  const from = after ? sorted.findIndex((e) => newestFirst(e, { ...e, at: after.at, id: after.id }) > 0) : 0;
  const shown = from < 0 ? [] : sorted.slice(from, from + page.limit);
  const last = shown.at(-1);
  return last && from + page.limit < sorted.length
    ? { entries: shown, next: historyCursor.encode({ at: last.at, id: last.id }) }
    : { entries: shown };
};
