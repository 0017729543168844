/**
 * Static segment imports: a CSV list (an `email` column, optionally `firstName`, `lastName`,
 * `externalId`) is checked whole when uploaded (a broken file is refused with its line), stored, and
 * applied behind the bus in pages: each row upserts its contact and adds it to the segment. Progress
 * (processed, added, errors by line) is checkpointed on the job after every page, so a crash resumes
 * where it stopped and a re-run adds nobody twice.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import * as z from 'zod';
import { upsertContactBody } from '../contacts/contact.schema.ts';
import type { ContactDeps } from '../contacts/deps.ts';
import { upsertContact } from '../contacts/upsert-contact.ts';
import { GetCommand, PutCommand } from '../shared/dynamodb/commands.ts';
import { ConflictError, PayloadTooLargeError, ValidationError } from '../shared/errors.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { newId } from '../shared/ids.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { CsvError, parseCsv } from './csv.ts';
import { getSegment } from './manage-segments.ts';
import type { importViewSchema } from './segment.schema.ts';
import type { SegmentsRepository } from './segments.repository.ts';

export const IMPORT_LIMITS = { rows: 100_000, storedBytes: 350 * 1024, errorsKept: 100, page: 100 } as const;
const COLUMNS = ['email', 'firstName', 'lastName', 'externalId'] as const;

const importRecord = z.object({
  type: z.literal('segmentImport'),
  v: z.literal(1),
  id: z.string(),
  segmentId: z.string(),
  status: z.enum(['running', 'done']),
  total: z.number().int(),
  processed: z.number().int(),
  added: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  body: z.instanceof(Uint8Array),
  ttl: z.number().int(),
});
export type ImportRecord = z.infer<typeof importRecord>;

export const importView = ({
  body: _b,
  ttl: _t,
  type: _ty,
  v: _v,
  ...rest
}: ImportRecord): z.infer<typeof importViewSchema> => rest;

export interface ImportDeps extends ContactDeps {
  readonly table: Table;
  readonly segments: SegmentsRepository;
}

interface Header {
  readonly index: Partial<Record<(typeof COLUMNS)[number], number>>;
}

const headerOf = (cells: readonly string[]): Header => {
  const index: Partial<Record<(typeof COLUMNS)[number], number>> = {};
  cells.forEach((cell, i) => {
    const name = COLUMNS.find((c) => c.toLowerCase() === cell.trim().toLowerCase());
    if (name) index[name] = i;
  });
  if (index.email === undefined) {
    throw new ValidationError('the first line must name an "email" column', [
      { path: 'csv.line1', message: 'no email column' },
    ]);
  }
  return { index };
};

const rowsOf = (csv: string) => {
  try {
    return parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ValidationError(error.message, [{ path: `csv.line${error.line}`, message: error.message }]);
    }
    throw error;
  }
};

const save = async (job: ImportRecord, deps: ImportDeps, workspaceId: string, continueIt: boolean) => {
  const event = continueIt
    ? domainEvent(
        'segment.import.requested',
        workspaceId,
        { segmentId: job.segmentId, importId: job.id },
        deps.clock,
      )
    : undefined;
  await deps.table.client.send(
    new PutCommand({
      TableName: deps.table.name,
      Item: {
        ...keys.segmentImport(workspaceId, job.id),
        ...job,
        ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
      },
    }),
  );
};

export const startImport = async (
  workspaceId: string,
  segmentId: string,
  csv: Buffer,
  deps: ImportDeps,
): Promise<ImportRecord> => {
  const segment = await getSegment(workspaceId, segmentId, deps);
  if (segment.kind !== 'static') throw new ConflictError('lists are imported into static segments');
  const rows = rowsOf(csv.toString('utf8'));
  const [head, ...data] = rows;
  if (!head) throw new ValidationError('the file is empty', [{ path: 'csv', message: 'no rows' }]);
  headerOf(head.cells);
  if (data.length > IMPORT_LIMITS.rows) {
    throw new PayloadTooLargeError(`${data.length} rows; at most ${IMPORT_LIMITS.rows} per file`);
  }
  const body = gzipSync(csv);
  if (body.length > IMPORT_LIMITS.storedBytes) {
    throw new PayloadTooLargeError(
      `the file compresses to ${body.length} bytes; split it (at most ${IMPORT_LIMITS.storedBytes})`,
    );
  }
  const now = deps.clock.now();
  const job: ImportRecord = {
    type: 'segmentImport',
    v: 1,
    id: newId('imp', now),
    segmentId,
    // A list of no rows (a header alone) has nothing to apply: done at once, with no run asked for.
    status: data.length === 0 ? 'done' : 'running',
    total: data.length,
    processed: 0,
    added: 0,
    errors: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    body,
    ttl: Math.floor(now.getTime() / 1000) + 30 * 86_400,
  };
  await save(job, deps, workspaceId, job.status === 'running');
  return job;
};

export const getImport = async (workspaceId: string, importId: string, deps: { table: Table }) => {
  const { Item } = await deps.table.client.send(
    new GetCommand({
      TableName: deps.table.name,
      Key: keys.segmentImport(workspaceId, importId),
      ConsistentRead: true,
    }),
  );
  return Item ? readItem(importRecord, Item, 'segment import') : undefined;
};

/** Apply up to `pages` pages from the checkpoint; asks for its own continuation when rows remain. */
export const runImport = async (
  workspaceId: string,
  importId: string,
  deps: ImportDeps,
  budget: { readonly pages: number },
): Promise<'done' | 'continued' | 'gone'> => {
  const found = await getImport(workspaceId, importId, deps);
  if (!found) return 'gone';
  let job: ImportRecord = found;
  if (job.status === 'done') return 'done';
  const segment = await deps.segments.get(workspaceId, job.segmentId);
  if (!segment) return 'gone';
  const [head, ...data] = parseCsv(gunzipSync(job.body).toString('utf8'));
  if (!head) return 'gone';
  const { index } = headerOf(head.cells);
  for (let page = 0; page < budget.pages && job.processed < data.length; page++) {
    const slice = data.slice(job.processed, job.processed + IMPORT_LIMITS.page);
    let added: number = job.added;
    const errors: ImportRecord['errors'] = [...job.errors];
    for (const row of slice) {
      const cell = (name: (typeof COLUMNS)[number]) => {
        const i = index[name];
        const value = i === undefined ? undefined : row.cells[i]?.trim();
        return value ? value : undefined;
      };
      const parsed = upsertContactBody.safeParse({
        email: cell('email'),
        ...(cell('firstName') ? { firstName: cell('firstName') } : {}),
        ...(cell('lastName') ? { lastName: cell('lastName') } : {}),
        ...(cell('externalId') ? { externalId: cell('externalId') } : {}),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        if (errors.length < IMPORT_LIMITS.errorsKept)
          errors.push({ line: row.line, message: `${issue?.path.join('.')}: ${issue?.message}` });
        continue;
      }
      try {
        const { contact } = await upsertContact(workspaceId, parsed.data, 'import', deps);
        if (
          await deps.segments.enter(workspaceId, job.segmentId, contact.id, segment.ruleVersion, deps.clock)
        )
          added += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        if (errors.length < IMPORT_LIMITS.errorsKept) errors.push({ line: row.line, message: error.message });
      }
    }
    const processed: number = job.processed + slice.length;
    job = {
      ...job,
      processed,
      added,
      errors,
      status: processed >= data.length ? 'done' : 'running',
      updatedAt: deps.clock.now().toISOString(),
    };
    await save(job, deps, workspaceId, false);
  }
  if (job.status === 'done') return 'done';
  if (job.processed >= data.length) {
    // Nothing left to apply (no page ran: a job of no rows): finish it rather than ask for a run of
    // nothing again, which would ask again, for ever.
    await save(
      { ...job, status: 'done', updatedAt: deps.clock.now().toISOString() },
      deps,
      workspaceId,
      false,
    );
    return 'done';
  }
  await save(job, deps, workspaceId, true);
  return 'continued';
};
