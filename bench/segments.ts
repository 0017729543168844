/**
 * Segments and scoring figures: pure evaluation rate, event → membership latency on the local stack,
 * writes per membership change, and read units per contact in a full rebuild.
 */
import { performance } from 'node:perf_hooks';
import type { LocalStack } from '../infra/local/stack.ts';
import { parseCondition } from '../lib/conditions/condition.schema.ts';
import { compile } from '../lib/conditions/evaluate.ts';
import type { Contact } from '../lib/contacts/contact.schema.ts';
import { emptyContact } from '../lib/contacts/contact-model.ts';
import { segmentsRepository } from '../lib/segments/segments.repository.ts';
import { BatchWriteCommand } from '../lib/shared/dynamodb/commands.ts';
import { newId } from '../lib/shared/ids.ts';
import { keys } from '../lib/shared/keys.ts';
import type { meter } from './capacity.ts';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Contacts/s through a compiled three-part condition, in memory. */
export const evaluationRate = (n: number): number => {
  const condition = parseCondition({
    type: 'all',
    conditions: [
      { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'es', caseInsensitive: true },
      { type: 'tag', op: 'hasAny', value: ['vip', 'b2b'] },
      { type: 'event', name: 'page_viewed', op: 'did', withinLastDays: 30 },
    ],
  });
  const evaluate = compile(condition);
  const now = new Date();
  const contacts: Contact[] = Array.from({ length: 1000 }, (_, i) => ({
    ...emptyContact('ws_bench', `c_${i}`, 'bench', now.toISOString()),
    attributes: { country: i % 3 ? 'ES' : 'FR' },
    tags: i % 2 ? ['vip'] : [],
    activity: {
      eventCount: 1,
      byName: {
        page_viewed: { count: 1, lastAt: new Date(now.getTime() - (i % 60) * 86_400_000).toISOString() },
      },
    },
  }));
  let matched = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    if (evaluate({ contact: contacts[i % contacts.length] as Contact }, { now })) matched += 1;
  const seconds = (performance.now() - t0) / 1000;
  return matched >= 0 ? n / seconds : 0;
};

export interface SegmentBenchOptions {
  readonly stack: LocalStack;
  readonly post: (path: string, body: unknown) => Promise<unknown>;
  readonly workspaceId: string;
  readonly meter: ReturnType<typeof meter>;
  readonly events: number;
  readonly rebuildContacts: number;
}

const idOf = (body: unknown): string => {
  const id = typeof body === 'object' && body !== null ? Reflect.get(body, 'id') : undefined;
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(body)}`);
  return id;
};

export const benchSegments = async (o: SegmentBenchOptions) => {
  // Event → membership latency: from the track API's answer to segment.entered on the bus.
  const segmentId = idOf(
    await o.post('/v1/segments', {
      name: 'Viewed pricing',
      condition: {
        type: 'event',
        name: 'page_viewed',
        op: 'did',
        where: [{ path: 'properties.path', op: 'equals', value: '/pricing' }],
      },
    }),
  );
  await o.stack.idle();
  const latencies: number[] = [];
  const onEvent = (event: { 'detail-type': string; detail: Record<string, unknown> }) => {
    if (event['detail-type'] !== 'segment.entered') return;
    const data = event.detail.data;
    const contactId = typeof data === 'object' && data !== null ? Reflect.get(data, 'contactId') : undefined;
    if (typeof contactId === 'string') latencies.push(performance.now());
  };
  o.stack.bus.on('event', onEvent);
  o.meter.reset();
  const starts: number[] = [];
  for (let i = 0; i < o.events; i++) {
    starts.push(performance.now());
    await o.post('/v1/track', {
      id: `seg-bench-${i}`,
      name: 'page_viewed',
      email: `seg${i}@bench.example`,
      properties: { path: '/pricing' },
    });
    await o.stack.idle();
  }
  o.stack.bus.off('event', onEvent);
  const lat = latencies.map((t, i) => t - (starts[i] ?? t)).sort((a, b) => a - b);
  const incremental = o.meter.get('evaluate-segments');

  // Full rebuild over many contacts, seeded straight into the table (no events).
  const at = new Date().toISOString();
  const items = Array.from({ length: o.rebuildContacts }, (_, n) => {
    const c: Contact = { ...emptyContact(o.workspaceId, newId('c'), 'bench', at), attributes: { n } };
    return { ...keys.contact(o.workspaceId, c.id), ...keys.contactListing(o.workspaceId, c.id), ...c };
  });
  for (let i = 0; i < items.length; i += 25 * 8) {
    await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        const chunk = items.slice(i + k * 25, i + k * 25 + 25);
        if (chunk.length === 0) return;
        let pending: { PutRequest: { Item: Record<string, unknown> } }[] = chunk.map((Item) => ({
          PutRequest: { Item },
        }));
        while (pending.length > 0) {
          const r = await o.stack.table.client.send(
            new BatchWriteCommand({ RequestItems: { [o.stack.tableName]: pending } }),
          );
          pending = (r.UnprocessedItems?.[o.stack.tableName] ?? []).flatMap((w) =>
            w.PutRequest?.Item ? [{ PutRequest: { Item: w.PutRequest.Item } }] : [],
          );
        }
      }),
    );
  }
  o.meter.reset();
  const t0 = performance.now();
  const half = Math.floor(o.rebuildContacts / 2);
  const rebuildId = idOf(
    await o.post('/v1/segments', {
      name: 'Half',
      condition: { type: 'attribute', field: 'attributes.n', op: 'lt', value: half },
    }),
  );
  await o.stack.idle();
  const rebuildSeconds = (performance.now() - t0) / 1000;
  const rebuild = o.meter.get('rebuild-segment');
  const state = (await segmentsRepository(o.stack.table).get(o.workspaceId, rebuildId))?.rebuild;
  return {
    processed: state?.processed ?? 0,
    rebuildChanges: (state?.entered ?? 0) + (state?.exited ?? 0),
    segmentId,
    rebuildId,
    latencyP50: percentile(lat, 0.5),
    latencyP95: percentile(lat, 0.95),
    entered: latencies.length,
    incremental,
    rebuild,
    rebuildSeconds,
  };
};
