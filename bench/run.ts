/**
 * `npm run bench`: starts the local stack and prints figures, never asserts on time. Request units
 * and round trips carry over to AWS cost exactly; local wall time does not.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { table } from '../functions/shared/deps.ts';
import { localDynamoDbClient } from '../infra/local/dynamodb-local.ts';
import { startLocalStack } from '../infra/local/stack.ts';
import { systemClock } from '../lib/shared/clock.ts';
import { createWorkspace, issueApiKey } from '../lib/workspaces/api-keys.ts';
import { workspacesRepository } from '../lib/workspaces/workspaces.repository.ts';
import { HOT_PATHS, measureBundles } from './bundles.ts';
import { benchCampaign } from './campaigns.ts';
import { meter, type Tally } from './capacity.ts';
import { benchCosts, type CostFigures } from './costs.ts';
import { benchJourneys } from './journeys.ts';
import { benchRateLimit } from './rate-limit.ts';
import { benchRender } from './render.ts';
import { benchScoring } from './scoring.ts';
import { benchSearch } from './search.ts';
import { benchSegments, evaluationRate } from './segments.ts';
import { benchSending, SES_LATENCY } from './sending.ts';
import { benchStorage } from './storage.ts';
import { benchTimers } from './timers.ts';
import { benchWebhooks } from './webhooks.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 2_000);
const SEGMENT_EVENTS = Number(process.env.BENCH_SEGMENT_EVENTS ?? 200);
const REBUILD = Number(process.env.BENCH_REBUILD ?? 100_000);
const COST_UNITS = Number(process.env.BENCH_COST_UNITS ?? 300);
const STORAGE_CONTACTS = Number(process.env.BENCH_STORAGE_CONTACTS ?? 20);
const SEARCH_CONTACTS = Number(process.env.BENCH_SEARCH_CONTACTS ?? 1_000);
const SCORING_CONTACTS = Number(process.env.BENCH_SCORING_CONTACTS ?? 200);
const SCORING_VISITS = Number(process.env.BENCH_SCORING_VISITS ?? 10);
const TIMERS = Number(process.env.BENCH_TIMERS ?? 100_000);
const JOURNEY_STEPS = Number(process.env.BENCH_JOURNEY_STEPS ?? 100_000);
const SEND_RECIPIENTS = Number(process.env.BENCH_SEND_RECIPIENTS ?? 1_000);
const CAMPAIGN_RECIPIENTS = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 10_000);
const CAMPAIGN_FAULTS = process.env.BENCH_CAMPAIGN_FAULTS !== '0';
/** A lead-scoring model that scores opens and clicks (the default model has no email rules). */
const CAMPAIGN_EMAIL_SCORING = process.env.BENCH_CAMPAIGN_EMAIL_SCORING === '1';
const BATCH = 25;

/** `npm run bench -- costs bundles` runs only those parts; no argument runs every part. */
const PARTS = [
  'ingest',
  'webhooks',
  'segments',
  'costs',
  'storage',
  'search',
  'scoring',
  'timers',
  'journeys',
  'ratelimit',
  'render',
  'sending',
  'campaigns',
  'bundles',
] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length)
  throw new Error(`unknown bench part ${unknown.join(', ')}: choose from ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);
const CONCURRENCY = 16;

const pool = async <T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await run(item);
      }
    }),
  );
};

const per = (value: number, n: number) => (n === 0 ? '0' : (value / n).toFixed(3));
const row = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
const tallyRows = (what: string, tally: Tally, units: number, unit: string, requests: number) => {
  row(`${what}: write units per ${unit}`, per(tally.writeUnits, units));
  row(`${what}: read units per ${unit}`, per(tally.readUnits, units));
  row(`${what}: DynamoDB round trips per invocation`, per(tally.calls, requests));
  row(`${what}: calls by command`, JSON.stringify(tally.byCommand));
};

const costRows = (what: string, f: CostFigures) => {
  console.log(`\n${what}: ${f.units} units of work in a typical workspace (10 segments, a scoring model)`);
  for (const [k, v] of Object.entries(f.perUnit)) row(`${k} per unit`, v.toFixed(2));
  const c = f.cost;
  row(
    'Lambda GB-s per unit: estimated / measured here (upper bound)',
    `${(f.usage.lambdaGbSeconds / f.units).toFixed(4)} / ${(f.measuredGbSeconds / f.units).toFixed(4)}`,
  );
  row(
    'projected AWS cost per 1M (DynamoDB w/r, bus, Lambda req/GB-s, SQS, Scheduler)',
    `$${c.total.toFixed(2)} (${c.writeUnits.toFixed(2)} + ${c.readUnits.toFixed(2)}, ${c.busEvents.toFixed(2)}, ${c.lambdaRequests.toFixed(2)} + ${c.lambdaGbSeconds.toFixed(2)}, ${c.sqsRequests.toFixed(2)}, ${c.schedulerInvocations.toFixed(2)})`,
  );
  row(
    'bus events per unit, by type',
    Object.entries(f.byEventType)
      .map(([type, n]) => `${type} ${n.toFixed(2)}`)
      .join(', '),
  );
  // Per function: its invocations and DynamoDB units, then each operation on each item type (count =
  // item writes or read requests), all per unit of work.
  const n = (v: number) => v.toFixed(2).padStart(7);
  console.log(`  ${'per unit: function / operation item type'.padEnd(52)}   invoc.   count   write    read`);
  for (const x of f.byFunction) {
    console.log(
      `    ${x.name.padEnd(50)} ${n(x.invocations)} ${n(x.requests)} ${n(x.writeUnits)} ${n(x.readUnits)}`,
    );
    for (const o of x.operations)
      console.log(
        `      ${o.operation.padEnd(48)} ${' '.repeat(7)} ${n(o.count)} ${n(o.writeUnits)} ${n(o.readUnits)}`,
      );
  }
};

const main = async () => {
  if (!asked.length || asked.some((a) => a !== 'bundles' && a !== 'ratelimit' && a !== 'render'))
    await benchStack();
  if (runs('ratelimit')) await benchRateLimit(row);
  if (runs('render')) await benchRender(row);
  if (runs('bundles')) await benchBundles();
};

const benchStack = async () => {
  console.log('ecrm bench: starting the local stack (in-memory DynamoDB Local)…');
  const stack = await startLocalStack({ seedDemo: false, quiet: true });
  const m = meter(localDynamoDbClient(stack.dynamodbEndpoint));
  m.attach(table().client);
  try {
    const deps = { workspaces: workspacesRepository(stack.table), clock: systemClock };
    await createWorkspace({ id: 'ws_bench', name: 'bench' }, deps);
    const { token } = await issueApiKey({ workspaceId: 'ws_bench', name: 'bench', scopes: ['admin'] }, deps);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };

    const template: unknown = JSON.parse(
      readFileSync(new URL('../test/fixtures/webhooks/shopify/orders/create.json', import.meta.url), 'utf8'),
    );
    if (typeof template !== 'object' || template === null)
      throw new Error('the orders/create fixture is not an object');
    if (runs('ingest')) {
      // 1. Track ingest: hot path (the track function) and the work behind the bus (record-event).
      const people = 2_000;
      const batches = Array.from({ length: Math.ceil(EVENTS / BATCH) }, (_, b) =>
        Array.from({ length: Math.min(BATCH, EVENTS - b * BATCH) }, (_, i) => {
          const n = b * BATCH + i;
          return {
            id: `bench-${n}`,
            name: n % 5 === 0 ? 'product_viewed' : 'page_viewed',
            ...(n % 3 === 0
              ? { anonymousId: `visitor-${n % people}` }
              : { email: `person${n % people}@bench.example` }),
            properties: {
              path: `/products/${n % 97}`,
              referrer: 'https://search.example/?q=mugs',
              price: 1299,
            },
          };
        }),
      );
      // The relay is paused while events come in, so the hot path is measured alone; then the
      // backlog drains through stream, bus and record-event, as after a burst in AWS.
      await stack.relay.pause();
      m.reset();
      let t0 = performance.now();
      await pool(batches, CONCURRENCY, (batch) => post('/v1/track', { batch }));
      const ingestSeconds = (performance.now() - t0) / 1000;
      t0 = performance.now();
      await stack.relay.resume();
      await stack.idle();
      const drainSeconds = (performance.now() - t0) / 1000;
      console.log(
        `\ntrack ingest: ${EVENTS} events in ${batches.length} requests of ${BATCH}, concurrency ${CONCURRENCY}`,
      );
      row('accepted events/s (HTTP, hot path)', (EVENTS / ingestSeconds).toFixed(0));
      row('events/s attached to timelines (backlog drain)', (EVENTS / drainSeconds).toFixed(0));
      tallyRows('hot path (track)', m.get('track'), EVENTS, 'event', batches.length);
      tallyRows('behind the bus (record-event)', m.get('record-event'), EVENTS, 'event', EVENTS);
      row(
        'outbox relay: DynamoDB calls (stream reads are not table calls)',
        String(m.get('outbox-relay').calls),
      );

      // 2. Contact upserts.
      const contacts = Array.from({ length: CONTACTS }, (_, n) => ({
        email: `contact${n}@bench.example`,
        firstName: `First${n}`,
        lastName: 'Bench',
        locale: 'en-GB',
        timezone: 'Europe/London',
        attributes: { plan: n % 2 ? 'pro' : 'free', seats: n % 10 },
        tags: ['bench'],
      }));
      m.reset();
      t0 = performance.now();
      await pool(contacts, CONCURRENCY, (c) => post('/v1/contacts', c));
      const upsertSeconds = (performance.now() - t0) / 1000;
      console.log(`\ncontact upserts: ${CONTACTS} new contacts, concurrency ${CONCURRENCY}`);
      row('upserts/s', (CONTACTS / upsertSeconds).toFixed(0));
      tallyRows('upsert-contact (create)', m.get('upsert-contact'), CONTACTS, 'contact', CONTACTS);
      const again = contacts.slice(0, 1_000);
      m.reset();
      await pool(again, CONCURRENCY, (c) => post('/v1/contacts', c));
      tallyRows(
        'upsert-contact (unchanged repeat)',
        m.get('upsert-contact'),
        again.length,
        'contact',
        again.length,
      );
      await stack.idle();
    }
    if (runs('webhooks')) {
      // 3. Webhook ingest: signed Shopify orders/create deliveries.
      const hooks = await benchWebhooks({
        stack,
        token,
        workspaceId: 'ws_bench',
        meter: m,
        orderTemplate: Object.fromEntries(Object.entries(template)),
        deliveries: WEBHOOKS,
        concurrency: 50,
      });
      console.log(`\nwebhook ingest: ${WEBHOOKS} signed Shopify orders/create deliveries, concurrency 50`);
      row('deliveries/s (HTTP, verify + store)', hooks.deliveriesPerSecond.toFixed(0));
      row(
        'handler latency p50 / p99 (local, client side)',
        `${hooks.p50.toFixed(1)} ms / ${hooks.p99.toFixed(1)} ms`,
      );
      tallyRows('hot path (receive-webhook)', hooks.hot, WEBHOOKS, 'delivery', WEBHOOKS);
      row('deliveries/s applied behind the bus (backlog drain)', hooks.processedPerSecond.toFixed(0));
      tallyRows('behind the bus (process-webhook)', hooks.behind, WEBHOOKS, 'delivery', WEBHOOKS);
    }
    if (runs('segments')) {
      // 4. Segments: event → membership, writes per change, a full rebuild.
      const posted = async (path: string, body: unknown): Promise<unknown> => {
        const res = await fetch(`${stack.apiUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
        return res.json();
      };
      const seg = await benchSegments({
        stack,
        post: posted,
        workspaceId: 'ws_bench',
        meter: m,
        events: SEGMENT_EVENTS,
        rebuildContacts: REBUILD,
      });
      console.log(
        `\nsegments: ${SEGMENT_EVENTS} tracked events entering a segment; a rebuild over ${REBUILD} more contacts`,
      );
      row(
        'event → segment.entered latency p50 / p95 (local)',
        `${seg.latencyP50.toFixed(0)} ms / ${seg.latencyP95.toFixed(0)} ms`,
      );
      row('incremental: write units per membership change', per(seg.incremental.writeUnits, seg.entered));
      row('incremental: DynamoDB round trips per evaluation', per(seg.incremental.calls, SEGMENT_EVENTS * 3));
      row('rebuild: contacts evaluated', String(seg.processed));
      row('rebuild: read units per contact', per(seg.rebuild.readUnits, seg.processed));
      row('rebuild: write units per membership change', per(seg.rebuild.writeUnits, seg.rebuildChanges));
      row('rebuild: contacts/s (local)', (seg.processed / seg.rebuildSeconds).toFixed(0));
      console.log(
        `\nsegment evaluation, pure (compiled, 3 conditions): ${evaluationRate(1_000_000).toFixed(0)} contacts/s`,
      );
    }
    if (runs('costs')) {
      const ws = 'ws_costs';
      await createWorkspace({ id: ws, name: 'typical' }, deps);
      const issued = await issueApiKey({ workspaceId: ws, name: 'costs', scopes: ['admin'] }, deps);
      const costs = await benchCosts({
        stack,
        meter: m,
        token: issued.token,
        workspaceId: ws,
        orderTemplate: Object.fromEntries(Object.entries(template)),
        contacts: COST_UNITS,
        events: COST_UNITS,
        orders: COST_UNITS,
      });
      costRows('contact creation (POST /v1/contacts, new contact)', costs.contactCreation);
      costRows('tracked event (POST /v1/track, one event of a known contact)', costs.trackedEvent);
      costRows('order webhook (signed Shopify orders/create of a known customer)', costs.orderWebhook);
    }
    if (runs('storage')) {
      const ws = 'ws_storage';
      await createWorkspace({ id: ws, name: 'storage' }, deps);
      const issued = await issueApiKey({ workspaceId: ws, name: 'storage', scopes: ['admin'] }, deps);
      const stored = await benchStorage({
        stack,
        raw: localDynamoDbClient(stack.dynamodbEndpoint),
        token: issued.token,
        workspaceId: ws,
        contacts: STORAGE_CONTACTS,
      });
      console.log(
        `\nstorage: ${STORAGE_CONTACTS} contacts with five tracked events each, typical workspace (DynamoDB size rules, 100 B per item and index entry)`,
      );
      row('bytes per contact', stored.perContact.toFixed(0));
      for (const r of stored.byType)
        row(`  ${r.type}`, `${r.items.toFixed(2)} items, ${r.bytes.toFixed(0)} B per contact`);
    }
    if (runs('search')) {
      const ws = 'ws_search';
      await createWorkspace({ id: ws, name: 'search' }, deps);
      const issued = await issueApiKey({ workspaceId: ws, name: 'search', scopes: ['admin'] }, deps);
      const s = await benchSearch({
        stack,
        meter: m,
        token: issued.token,
        workspaceId: ws,
        contacts: SEARCH_CONTACTS,
      });
      console.log(
        `\nsearch: ${s.contacts} contacts (Spanish, French, Italian, English and Traditional Chinese names) through the HTTP API`,
      );
      row('search terms per contact', s.termsPerContact.toFixed(2));
      const units = (x: { writeUnits: number; termWriteUnits: number }) =>
        `${x.writeUnits.toFixed(2)} (search terms ${x.termWriteUnits.toFixed(2)})`;
      row('write units per contact creation', units(s.create));
      row('write units per rename (new last name)', units(s.rename));
      row('write units per other change (an attribute)', units(s.otherChange));
      for (const p of s.pages)
        row(
          `search "${p.q}": found, read units, round trips`,
          `${p.found}, ${p.readUnits.toFixed(1)}, ${p.calls}`,
        );
      row(
        'busiest index partition: share of term writes',
        `${(100 * s.hottestShare).toFixed(1)}% (imports up to ${s.importRateAt300.toFixed(0)} contacts/s under 300 writes/s a partition)`,
      );
    }
    if (runs('scoring')) {
      const ws = 'ws_scoring';
      await createWorkspace({ id: ws, name: 'scoring' }, deps);
      const issued = await issueApiKey({ workspaceId: ws, name: 'scoring', scopes: ['admin'] }, deps);
      const s = await benchScoring({
        stack,
        meter: m,
        token: issued.token,
        contacts: SCORING_CONTACTS,
        eventsPerContact: SCORING_VISITS,
      });
      console.log(
        `\nscore distribution: ${s.contacts} contacts, ${s.events} scored visits of 4 points (thresholds 10 and 30)`,
      );
      row('score changes (history entries)', String(s.changes));
      row(
        'score changes that moved a counter (bucket or stage)',
        `${s.counterWrites} (${((100 * s.counterWrites) / Math.max(1, s.changes)).toFixed(0)}%)`,
      );
      row('scorer write units per score change, all', s.writeUnitsPerChange.toFixed(2));
      row('  of which distribution counters', s.counterWriteUnitsPerChange.toFixed(2));
      row('  per change that moved a counter', s.counterWriteUnitsPerCounterWrite.toFixed(2));
      row(
        'GET /v1/score-distribution: read units, round trips',
        `${s.distribution.readUnits.toFixed(1)}, ${s.distribution.calls} (${s.distribution.buckets} buckets)`,
      );
    }
    if (runs('sending')) {
      const figures = await benchSending({ stack, recipients: SEND_RECIPIENTS });
      await stack.idle();
      console.log(
        `\nsending ${SEND_RECIPIENTS} recipients through the send use case (DynamoDB Local, local SES), per 1,000 recipients;\n` +
          `modelled GB-s = CPU measured here + DynamoDB round trips + SES latency assumed ${SES_LATENCY.callMs} ms a call (+${SES_LATENCY.bulkPerEntryMs} ms per bulk entry):`,
      );
      for (const f of figures) {
        row(`${f.mode}: SES calls`, f.sesCalls.toFixed(0));
        row(
          `${f.mode}: write / read units per recipient`,
          `${f.writeUnits.toFixed(2)} / ${f.readUnits.toFixed(2)}`,
        );
        row(`${f.mode}: CPU ms, wall ms here`, `${f.cpuMs.toFixed(0)}, ${f.wallMs.toFixed(0)}`);
        row(
          `${f.mode}: Lambda GB-s modelled / measured here`,
          `${f.modelledGbSeconds.toFixed(3)} / ${f.measuredGbSeconds.toFixed(3)}`,
        );
      }
    }
    if (runs('campaigns')) {
      const ws = 'ws_campaign';
      await createWorkspace({ id: ws, name: 'campaign' }, deps);
      const issued = await issueApiKey({ workspaceId: ws, name: 'campaign', scopes: ['admin'] }, deps);
      const c = await benchCampaign({
        stack,
        meter: m,
        token: issued.token,
        workspaceId: ws,
        recipients: CAMPAIGN_RECIPIENTS,
        faults: CAMPAIGN_FAULTS,
        emailScoring: CAMPAIGN_EMAIL_SCORING,
      });
      console.log(
        `\ncampaign to ${CAMPAIGN_RECIPIENTS} seeded contacts on the local stack${CAMPAIGN_FAULTS ? ' (SES throttling 30% of calls, 3 answers lost after SES took the mail)' : ''}, then 25% open / 3% click / 1% bounce${CAMPAIGN_EMAIL_SCORING ? ', lead scoring scoring opens and clicks' : ''}; per recipient:`,
      );
      row('exactly once: duplicates, missed', `${c.duplicates}, ${c.missed}`);
      row(
        'final: sent, suppressed, failed, capped (audience)',
        `${c.tally.sent}, ${c.tally.suppressed}, ${c.tally.failed}, ${c.tally.capped} (${c.tally.audience})`,
      );
      row('recipients/s here (local, 2 cores)', c.recipientsPerSecond.toFixed(0));
      row(
        'SES calls',
        `${c.sesCalls} (${(c.tally.audience / Math.max(1, c.sesCalls)).toFixed(1)} recipients a call)`,
      );
      row(
        'write / read units',
        `${c.perRecipient.writeUnits.toFixed(3)} / ${c.perRecipient.readUnits.toFixed(3)}`,
      );
      row('SQS requests', c.perRecipient.sqsRequests.toFixed(3));
      row('bus events (ecrm bus)', c.perRecipient.busEvents.toFixed(3));
      row('Lambda invocations', c.perRecipient.lambdaInvocations.toFixed(3));
      for (const f of c.byFunction)
        row(
          `  ${f.name}`,
          `${f.invocations.toFixed(3)} inv, ${f.writeUnits.toFixed(3)} WU, ${f.readUnits.toFixed(3)} RU`,
        );
      for (const [type, n] of Object.entries(c.byEventType)) row(`  event ${type}`, n.toFixed(3));
      row(
        'Lambda GB-s estimated / measured here',
        `${c.cost.lambdaGbSeconds.toFixed(3)} $ / ${c.measuredGbSeconds.toFixed(1)} GB-s`,
      );
      row(
        'a recipient’s timeline page (20 entries): campaign emails shown, read units, round trips',
        `${c.timeline.emailsShown}, ${c.timeline.readUnits.toFixed(1)} RU, ${c.timeline.calls}`,
      );
      row(
        '  its campaign lookup projected to a 1M-recipient campaign',
        `${c.timeline.projectedLookupReadUnitsAt1M.toFixed(1)} RU a campaign on the page (no write at send time)`,
      );
      row(
        'projected $ per 1M recipients (SES fee apart)',
        `${c.cost.total.toFixed(3)} (DynamoDB ${(c.cost.writeUnits + c.cost.readUnits).toFixed(3)}, SQS ${c.cost.sqsRequests.toFixed(3)}, bus ${c.cost.busEvents.toFixed(3)}, Lambda ${(c.cost.lambdaRequests + c.cost.lambdaGbSeconds).toFixed(3)})`,
      );
    }
    if (runs('timers')) {
      // Near the end: it moves the local scheduler's clock ahead for good.
      await benchTimers({ stack, meter: m, count: TIMERS });
    }
    if (runs('journeys')) await benchJourneys({ stack, meter: m, count: JOURNEY_STEPS });
  } finally {
    await stack.stop();
  }
};

const benchBundles = async () => {
  console.log(
    '\nbundles as CDK builds them (infra/bundling.ts; the AWS SDK left to the runtime) and import time in a fresh\n' +
      'process with the SDK resolvable (median of 5), wall and CPU time above an empty module\'s; "SDK" is the\n' +
      'import of the SDK packages alone. CPU time is the figure a busy machine distorts least:',
  );
  const { emptyMs, emptyCpuMs, figures } = await measureBundles(Number(process.env.BENCH_IMPORT_RUNS ?? 5));
  row('empty module import', `${emptyMs.toFixed(1)} ms (CPU ${emptyCpuMs.toFixed(1)} ms)`);
  for (const f of figures) {
    const hot = HOT_PATHS.includes(f.name) ? ' [hot path]' : '';
    row(
      `${f.name}${hot}`,
      `${(f.bytes / 1024).toFixed(0)} KB, import +${(f.importMs - emptyMs).toFixed(0)} ms, CPU +${(f.importCpuMs - emptyCpuMs).toFixed(0)} ms (SDK alone ${f.sdkImportMs.toFixed(0)} ms, CPU ${f.sdkImportCpuMs.toFixed(0)} ms); ${f.heaviest.map(([k, v]) => `${k} ${v} KB`).join(', ')}`,
    );
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
