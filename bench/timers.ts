/**
 * The timer service under load: N timers due in the same minute (checkout windows of checkouts that
 * no longer exist, so each fire runs the real task and finds nothing), set through the service, then
 * that minute's drain on the local stack: drain time, Scheduler calls, units per timer and the
 * projected AWS cost per 1M timers. Run alone with `node --import tsx bench/timers.ts`
 * (BENCH_TIMERS, default 100,000), or as the last part of `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { table } from '../functions/shared/deps.ts';
import { localDynamoDbClient } from '../infra/local/dynamodb-local.ts';
import { invokeAs } from '../infra/local/invocation-context.ts';
import { type LocalStack, startLocalStack } from '../infra/local/stack.ts';
import { systemClock } from '../lib/shared/clock.ts';
import { MINUTE_MS, minuteStart } from '../lib/timers/due.ts';
import { timersRepository } from '../lib/timers/timers.repository.ts';
import { timerService } from '../lib/timers/timers.ts';
import { meter } from './capacity.ts';
import { drainOnStack } from './metering/drain-on-stack.ts';
import { PRICES } from './metering/prices.ts';

type Meter = ReturnType<typeof meter>;

const FIRE_MEMORY_GB = 256 / 1024;

const row = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);

const pool = async (count: number, concurrency: number, run: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await run(next++);
    }),
  );
};

export const benchTimers = async (options: { stack: LocalStack; meter: Meter; count: number }) => {
  const { stack, meter: m, count } = options;
  const workspaceId = 'ws_bench_timers';
  const timers = timerService({ timers: timersRepository(table()), clock: systemClock });
  // A minute an hour ahead, so every timer takes the normal (drained) path however long setting
  // 100,000 of them takes here; the local scheduler's clock then jumps to it.
  const minute = new Date(minuteStart(new Date()).getTime() + 60 * MINUTE_MS);
  const scheduler = { ...stack.scheduler.counts };

  m.reset();
  const t0 = performance.now();
  await invokeAs('bench:set-timers', () =>
    pool(count, 32, async (i) => {
      await timers.set(
        workspaceId,
        'checkout-timeout',
        `cn_bench/${i}`,
        new Date(minute.getTime() + (i % 60) * 1000 + (i % 997)),
        { connectionId: 'cn_bench', checkoutId: `gone-${i}` },
      );
    }),
  );
  const setSeconds = (performance.now() - t0) / 1000;
  await stack.idle();
  const set = m.get('bench:set-timers');
  const opened = m.get('schedule-timers');
  const created = stack.scheduler.counts.created - scheduler.created;

  // The minute comes: its one schedule fires the drain; the queue feeds fire-timer.
  const { drainedSeconds, firedSeconds, sends, batches } = await drainOnStack(stack, minute);
  const dispatched = stack.scheduler.counts.dispatched - scheduler.dispatched;
  const drain = m.get('drain-timers');
  const fire = m.get('fire-timer');
  const dead = stack.queues.deadLetters.length;

  const per = (n: number) => n / count;
  const writeUnits = per(set.writeUnits + opened.writeUnits + drain.writeUnits + fire.writeUnits);
  const readUnits = per(set.readUnits + opened.readUnits + drain.readUnits + fire.readUnits);
  // SQS: the sends, and for each batch Lambda's poller receives once and deletes once.
  const sqsRequests = per(sends + 2 * batches);
  const invocations = per(batches + dispatched + 1);
  // Local wall time of the fire phase spread over its batches (4 at a time): an upper bound.
  const gbSeconds = per(((firedSeconds * 4) / Math.max(1, batches)) * batches * FIRE_MEMORY_GB);
  const schedulerCalls = per(created + dispatched);
  const cost = {
    dynamodb: writeUnits * PRICES.writeUnit * 1e6 + readUnits * PRICES.readUnit * 1e6,
    sqs: sqsRequests * PRICES.sqsRequest * 1e6,
    lambda: invocations * PRICES.lambdaRequest * 1e6 + gbSeconds * 1_000_000 * PRICES.lambdaGbSecond,
    scheduler: schedulerCalls * PRICES.schedulerInvocation * 1e6,
  };
  const total = cost.dynamodb + cost.sqs + cost.lambda + cost.scheduler;

  console.log(`\ntimers: ${count} timers due in the same minute, drained on the local stack`);
  row('set: timers/s (in-process, concurrency 32)', (count / setSeconds).toFixed(0));
  row(
    'set: write / read units per timer',
    `${per(set.writeUnits).toFixed(3)} / ${per(set.readUnits).toFixed(3)}`,
  );
  row('Scheduler: CreateSchedule calls / schedule firings', `${created} / ${dispatched}`);
  row('drain: seconds to queue every timer', drainedSeconds.toFixed(1));
  row('drain → every timer fired: seconds (local)', firedSeconds.toFixed(1));
  row('fired/s (local, 4 batches of 10 at a time)', (count / firedSeconds).toFixed(0));
  row('drain: read units per timer', per(drain.readUnits).toFixed(4));
  row(
    'fire: write / read units per timer (claim + task)',
    `${per(fire.writeUnits).toFixed(3)} / ${per(fire.readUnits).toFixed(3)}`,
  );
  row('all: write / read units per timer', `${writeUnits.toFixed(3)} / ${readUnits.toFixed(3)}`);
  row('SQS requests / Lambda invocations per timer', `${sqsRequests.toFixed(3)} / ${invocations.toFixed(3)}`);
  row('messages dead-lettered', String(dead));
  row(
    'projected AWS cost per 1M timers',
    `$${total.toFixed(2)} (DynamoDB $${cost.dynamodb.toFixed(2)}, SQS $${cost.sqs.toFixed(2)}, Lambda $${cost.lambda.toFixed(2)}, Scheduler $${cost.scheduler.toFixed(4)})`,
  );
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.env.BENCH_TIMERS ?? 100_000);
  const stack = await startLocalStack({ seedDemo: false, quiet: true });
  const m = meter(localDynamoDbClient(stack.dynamodbEndpoint));
  m.attach(table().client);
  try {
    await benchTimers({ stack, meter: m, count });
  } finally {
    await stack.stop();
  }
}
