/**
 * The journey engine under a drip storm: N runs whose next step falls due in the same minute (a drip
 * whose timers all land at once), drained on the local stack through the real timer service and
 * fire function. Each due step takes its run on (a split, no effect) to the drip's next wait, which
 * files the run's next one-shot timer: the engine's work per step, email apart (an email step adds
 * one send-queue message; the send path is the campaign bench's). Reports the drain rate, Scheduler
 * invocations, units and requests per step, and the projected AWS cost per 1M steps. Run alone with
 * `node --import tsx bench/journeys.ts` (BENCH_JOURNEY_STEPS, default 100,000), or with
 * `npm run bench -- journeys`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { table } from '../functions/shared/deps.ts';
import { localDynamoDbClient } from '../infra/local/dynamodb-local.ts';
import { invocationStats, invokeAs } from '../infra/local/invocation-context.ts';
import { type LocalStack, startLocalStack } from '../infra/local/stack.ts';
import { journeyDefinitionSchema } from '../lib/journeys/journey-definition.schema.ts';
import { journeysRepository } from '../lib/journeys/journeys.repository.ts';
import { systemClock } from '../lib/shared/clock.ts';
import { BatchWriteCommand, ScanCommand } from '../lib/shared/dynamodb/commands.ts';
import { newId } from '../lib/shared/ids.ts';
import { keys } from '../lib/shared/keys.ts';
import { MINUTE_MS, minuteStart } from '../lib/timers/due.ts';
import { timersRepository } from '../lib/timers/timers.repository.ts';
import { timerService } from '../lib/timers/timers.ts';
import { meter } from './capacity.ts';
import { drainOnStack } from './metering/drain-on-stack.ts';
import { lambdaUsage } from './metering/lambda-usage.ts';
import { costPerMillion } from './metering/prices.ts';

type Meter = ReturnType<typeof meter>;

const row = (label: string, value: string) => console.log(`  ${label.padEnd(56)} ${value}`);

/** DynamoDB Local under a storm can time a call out: the bench's own reads and writes try again. */
const patiently = async <T>(call: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 1_000 * attempt));
    }
  }
};

const pool = async (count: number, concurrency: number, run: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await run(next++);
    }),
  );
};

/** A weekly drip: wait, a split (A/B of the next email; no effect of its own), the next wait. */
const DRIP = journeyDefinitionSchema.parse({
  name: 'Bench drip',
  trigger: { type: 'event', event: 'bench.drip' },
  entry: { mode: 'always' },
  steps: [
    { id: 'w1', type: 'wait', duration: { days: 7 }, next: 'ab' },
    {
      id: 'ab',
      type: 'split',
      paths: [
        { weight: 1, next: 'w2' },
        { weight: 1, next: 'w2' },
      ],
    },
    { id: 'w2', type: 'wait', duration: { days: 7 } },
  ],
});

export const benchJourneys = async (options: { stack: LocalStack; meter: Meter; count: number }) => {
  const { stack, meter: m, count } = options;
  const workspaceId = 'ws_bench_journeys';
  const t = table();
  const at = new Date();
  const journeyId = newId('jrn', at);
  await journeysRepository(t).create(
    {
      type: 'journey',
      v: 1,
      id: journeyId,
      workspaceId,
      name: DRIP.name,
      status: 'live',
      version: 1,
      trigger: 'event',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      rev: 0,
    },
    DRIP,
  );
  // A minute two hours past whatever the local scheduler's clock says (other parts move it ahead).
  const minute = new Date(
    minuteStart(new Date(Math.max(Date.now(), stack.scheduler.now().getTime()))).getTime() + 120 * MINUTE_MS,
  );
  const due = (i: number) => new Date(minute.getTime() + (i % 60) * 1000 + (i % 997));

  // The runs, each in w1's wait for the split (move 1): written straight to the table, not metered.
  const runs = Array.from({ length: count }, (_, i) => ({
    contactId: `c_bench${String(i).padStart(7, '0')}`,
    runId: newId('run', at),
  }));
  for (let i = 0; i < count; i += 25 * 8)
    await Promise.all(
      Array.from({ length: 8 }, (_, k) => runs.slice(i + k * 25, i + (k + 1) * 25)).map((batch) =>
        batch.length === 0
          ? undefined
          : patiently(() =>
              t.client.send(
                new BatchWriteCommand({
                  RequestItems: {
                    [t.name]: batch.map((r) => ({
                      PutRequest: {
                        Item: {
                          ...keys.journeyRun(workspaceId, r.contactId, journeyId),
                          type: 'journeyRun',
                          v: 1,
                          journeyId,
                          contactId: r.contactId,
                          runId: r.runId,
                          version: 1,
                          status: 'active',
                          stepId: 'ab',
                          seq: 1,
                          startedAt: at.toISOString(),
                          updatedAt: at.toISOString(),
                          entries: 1,
                          lastEnteredAt: at.toISOString(),
                        },
                      },
                    })),
                  },
                }),
              ),
            ),
      ),
    );

  // Each run's step timer, as its wait filed it: one-shot, all due in the same minute.
  const timers = timerService({ timers: timersRepository(t), clock: systemClock });
  m.reset();
  invocationStats.clear();
  const scheduler = { ...stack.scheduler.counts };
  const t0 = performance.now();
  await invokeAs('bench:file-steps', () =>
    pool(count, 32, async (i) => {
      const r = runs[i];
      if (!r) return;
      await patiently(() =>
        timers.oneShot(workspaceId, 'journey-step', due(i), {
          journeyId,
          contactId: r.contactId,
          runId: r.runId,
          seq: 1,
          at: due(i).toISOString(),
        }),
      );
    }),
  );
  const fileSeconds = (performance.now() - t0) / 1000;
  await stack.idle();

  const { drainedSeconds, firedSeconds, sends, batches } = await drainOnStack(stack, minute);

  const created = stack.scheduler.counts.created - scheduler.created;
  const dispatched = stack.scheduler.counts.dispatched - scheduler.dispatched;
  const file = m.get('bench:file-steps');
  const engine = ['schedule-timers', 'drain-timers', 'fire-timer'].map((name) => m.get(name));
  // A step's own work: its drain, its fire, and the next step's timer it files (the fire does). The
  // filing above stands for the previous steps' and is shown apart, not counted twice.
  const writeUnits = engine.reduce((n, u) => n + u.writeUnits, 0);
  const readUnits = engine.reduce((n, u) => n + u.readUnits, 0);
  const lambda = lambdaUsage(m);

  // Exactly once: every run took exactly one move (the split and w2's wait begun: move 2).
  let moved = 0;
  let other = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await patiently(() =>
      t.client.send(
        new ScanCommand({
          TableName: t.name,
          FilterExpression: '#type = :run AND journeyId = :j',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':run': 'journeyRun', ':j': journeyId },
          ExclusiveStartKey: start,
          Limit: 2_000,
        }),
      ),
    );
    for (const item of page.Items ?? [])
      if (item.seq === 2 && item.status === 'active') moved++;
      else {
        if (other === 0 && process.env.BENCH_DEBUG) console.log(item);
        other++;
      }
    start = page.LastEvaluatedKey;
  } while (start);

  const usage = {
    writeUnits,
    readUnits,
    busEvents: 0,
    lambdaRequests: lambda.requests,
    lambdaGbSeconds: lambda.estimatedGbSeconds,
    // The drain's sends, and per batch Lambda's poller receives once and deletes once.
    sqsRequests: sends + 2 * batches,
    schedulerInvocations: dispatched,
  };
  const cost = costPerMillion(usage, count);
  const per = (n: number) => (n / count).toFixed(3);

  console.log(
    `\njourneys: a drip storm of ${count} steps due in the same minute, drained on the local stack`,
  );
  row('steps filed/s (one-shot timers, in-process, concurrency 32)', (count / fileSeconds).toFixed(0));
  row('Scheduler: CreateSchedule calls / schedule firings', `${created} / ${dispatched}`);
  row('Scheduler invocations per step', (dispatched / count).toFixed(6));
  row('drain: seconds to queue every step', drainedSeconds.toFixed(1));
  row('drain → every step taken: seconds (local)', firedSeconds.toFixed(1));
  row('steps taken/s (local, 2 cores, DynamoDB Local)', (count / firedSeconds).toFixed(0));
  row('runs moved exactly once / otherwise', `${moved} / ${other}`);
  row('messages dead-lettered', String(stack.queues.deadLetters.length));
  row('filing a step timer: write / read units', `${per(file.writeUnits)} / ${per(file.readUnits)}`);
  for (const [name, u] of ['schedule-timers', 'drain-timers', 'fire-timer'].map(
    (n, i) => [n, engine[i]] as const,
  ))
    row(`${name}: write / read units per step`, `${per(u?.writeUnits ?? 0)} / ${per(u?.readUnits ?? 0)}`);
  row(
    'per step (drain + fire, the next timer filed): write / read units',
    `${per(writeUnits)} / ${per(readUnits)}`,
  );
  row('SQS requests / Lambda invocations per step', `${per(usage.sqsRequests)} / ${per(lambda.requests)}`);
  row(
    'projected $ per 1M steps (email apart)',
    `${cost.total.toFixed(3)} (DynamoDB ${(cost.writeUnits + cost.readUnits).toFixed(3)}, SQS ${cost.sqsRequests.toFixed(3)}, Lambda ${(cost.lambdaRequests + cost.lambdaGbSeconds).toFixed(3)}, Scheduler ${cost.schedulerInvocations.toFixed(4)})`,
  );
  return { moved, other, cost };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.env.BENCH_JOURNEY_STEPS ?? 100_000);
  const stack = await startLocalStack({ seedDemo: false, quiet: true });
  const m = meter(localDynamoDbClient(stack.dynamodbEndpoint));
  m.attach(table().client);
  try {
    await benchJourneys({ stack, meter: m, count });
  } finally {
    await stack.stop();
  }
}
