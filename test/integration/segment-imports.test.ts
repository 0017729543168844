/**
 * Static segment imports on DynamoDB Local: a list of no rows is done at once, and a run of a job
 * with nothing left finishes it instead of asking for another run (which asked again, for ever).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { getImport, runImport, startImport } from '../../lib/segments/import-list.ts';
import { createSegment } from '../../lib/segments/manage-segments.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { GetCommand, PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import { OUTBOX_ATTRIBUTE } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let deps: RealDeps & { segments: ReturnType<typeof segmentsRepository> };
let ws: string;

beforeAll(async () => {
  const base = realDeps();
  deps = { ...base, segments: segmentsRepository(base.table) };
  ws = await newWorkspace(deps);
});

const rawJob = async (importId: string) =>
  (
    await deps.table.client.send(
      new GetCommand({
        TableName: deps.table.name,
        Key: keys.segmentImport(ws, importId),
        ConsistentRead: true,
      }),
    )
  ).Item;

const staticSegment = async () =>
  (await createSegment(ws, { name: `List ${Math.random()}`, kind: 'static' }, deps)).id;

describe('segment imports on DynamoDB Local', () => {
  it('a file with a header and no rows is done at once, and asks for no run', async () => {
    const job = await startImport(ws, await staticSegment(), Buffer.from('email,firstName\n'), deps);
    expect(job).toMatchObject({ status: 'done', total: 0, processed: 0, added: 0 });
    expect((await rawJob(job.id))?.[OUTBOX_ATTRIBUTE]).toBeUndefined();
    expect(await runImport(ws, job.id, deps, { pages: 20 })).toBe('done');
  });

  it('a run of a running job with nothing left finishes it, without asking for another run', async () => {
    const segmentId = await staticSegment();
    const job = await startImport(ws, segmentId, Buffer.from('email\nrow@example.com\n'), deps);
    expect(await runImport(ws, job.id, deps, { pages: 20 })).toBe('done');
    // As a job of no rows stored before this fix was: running, nothing to apply, its run requested.
    const stale = {
      ...(await rawJob(job.id)),
      status: 'running',
      total: 0,
      processed: 0,
      body: gzipSync('email\n'),
    };
    await deps.table.client.send(new PutCommand({ TableName: deps.table.name, Item: { ...stale } }));
    const emptied = await rawJob(job.id);
    expect(emptied?.status).toBe('running');
    expect(await runImport(ws, job.id, deps, { pages: 20 })).toBe('done');
    expect(await getImport(ws, job.id, deps)).toMatchObject({ status: 'done' });
    expect((await rawJob(job.id))?.[OUTBOX_ATTRIBUTE]).toBeUndefined();
  });
});
