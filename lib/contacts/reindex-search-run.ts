/**
 * The search backfill as an operator runs it (`ecrm contacts reindex-search`): one workspace or every
 * workspace in id order, page after page of {@link reindexSearchPage}, reporting after each page the
 * cursor that resumes right after it. The cursor is opaque to the operator and checked when read back.
 *
 * Invariants: a run resumed from any reported cursor, repeated from the start, or racing live writes
 * leaves every contact with exactly its own terms (each write is conditional on the contact's rev);
 * the cursor names a workspace, a listing shard and the last contact id done, nothing else.
 */
import * as z from 'zod';
import { ValidationError } from '../shared/errors.ts';
import { CONTACT_LIST_SHARDS } from '../shared/keys.ts';
import { workspaceIdSchema } from '../workspaces/workspace.schema.ts';
import { type ReindexPosition, reindexSearchPage } from './reindex-search.ts';

const cursorSchema = z.strictObject({
  w: workspaceIdSchema,
  s: z
    .number()
    .int()
    .min(0)
    .max(CONTACT_LIST_SHARDS - 1),
  a: z.string().min(1).max(100).optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

export const encodeReindexCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The cursor a run printed, checked; a ValidationError naming `resume` otherwise. */
export const decodeReindexCursor = (text: string): Cursor => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ValidationError('invalid resume: not a cursor this command printed', [], { cause });
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError('invalid resume: not a cursor this command printed', [
      { path: 'resume', message: parsed.error.issues[0]?.message ?? 'invalid' },
    ]);
  return parsed.data;
};

export interface ReindexProgress {
  readonly workspaceId: string;
  readonly shard: number;
  /** Contacts indexed by this page, and since the run started. */
  readonly indexed: number;
  readonly total: number;
  /** Resumes right after this page; absent when the run is complete. */
  readonly cursor?: string;
}

export interface ReindexRunOptions {
  /** The workspaces to index, in any order (they are run sorted by id, as the cursor assumes). */
  readonly workspaceIds: readonly string[];
  readonly resume?: string;
  readonly pageSize?: number;
  readonly onProgress?: (progress: ReindexProgress) => void;
}

/** Runs the backfill to the end (or to the first error: resume from the last reported cursor). */
export const reindexSearchRun = async (
  options: ReindexRunOptions,
  deps: Parameters<typeof reindexSearchPage>[3],
): Promise<{ workspaces: number; indexed: number }> => {
  const workspaceIds = [...new Set(options.workspaceIds)].sort();
  const from = options.resume === undefined ? undefined : decodeReindexCursor(options.resume);
  // A cursor's workspace deleted since: go on with the next one in id order.
  const toVisit = from ? workspaceIds.filter((id) => id >= from.w) : workspaceIds;
  if (from && options.workspaceIds.length === 1 && toVisit[0] !== from.w)
    throw new ValidationError(`invalid resume: the cursor is for workspace ${from.w}`, [
      { path: 'resume', message: `for workspace ${from.w}, not ${options.workspaceIds[0]}` },
    ]);
  let total = 0;
  for (const [index, workspaceId] of toVisit.entries()) {
    let position: ReindexPosition | undefined =
      from && workspaceId === from.w ? { shard: from.s, after: from.a } : { shard: 0 };
    while (position) {
      const { shard } = position;
      const page = await reindexSearchPage(workspaceId, position, options.pageSize ?? 100, deps);
      total += page.indexed;
      position = page.next;
      const following = toVisit[index + 1];
      const cursor: Cursor | undefined = position
        ? { w: workspaceId, s: position.shard, ...(position.after ? { a: position.after } : {}) }
        : following
          ? { w: following, s: 0 }
          : undefined;
      options.onProgress?.({
        workspaceId,
        shard,
        indexed: page.indexed,
        total,
        ...(cursor ? { cursor: encodeReindexCursor(cursor) } : {}),
      });
    }
  }
  return { workspaces: toVisit.length, indexed: total };
};
