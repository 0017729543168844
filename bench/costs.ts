/**
 * What a unit of work costs on AWS, measured on the local stack in a typical workspace (10 dynamic
 * segments and a scoring model): DynamoDB units by AWS's billing rules (./capacity.ts), bus events,
 * Lambda invocations and duration, SQS requests of the queue-fed consumers, Scheduler invocations, for a contact creation, a tracked event for
 * a known contact, and a signed Shopify order webhook. Projected at list prices per 1M units.
 *
 * Lambda duration measured on this machine (two shared cores, DynamoDB Local in a JVM) says little
 * about AWS, so the projection estimates it from what each invocation did: 5 ms of compute per
 * invocation plus 5 ms per DynamoDB request (single-digit-millisecond latency in-region), at the
 * function's memory; the locally measured GB-seconds are printed beside it as an upper bound. Every
 * other figure is a count that carries over to AWS exactly.
 */
import { functions } from '../infra/catalogue/functions.ts';
import { invocationStats } from '../infra/local/invocation-context.ts';
import type { LocalStack } from '../infra/local/stack.ts';
import { sign } from '../lib/webhooks/verify/index.ts';
import type { meter as Meter } from './capacity.ts';
import { lambdaUsage } from './metering/lambda-usage.ts';
import { billedBusEvents, type CostBreakdown, costPerMillion, type Usage } from './metering/prices.ts';

/** Ten segments of the kinds marketers build, and a scoring model with engagement rules. */
export const TYPICAL_SEGMENTS: readonly unknown[] = [
  { type: 'consent', channel: 'email', status: 'subscribed' },
  { type: 'event', name: 'product_viewed', op: 'did', withinLastDays: 30 },
  { type: 'event', name: 'page_viewed', op: 'did', withinLastDays: 7 },
  { type: 'event', name: 'checkout_started', op: 'didNot', withinLastDays: 30 },
  { type: 'attribute', field: 'attributes.plan', op: 'equals', value: 'pro' },
  { type: 'attribute', field: 'attributes.seats', op: 'gte', value: 5 },
  { type: 'tag', op: 'has', value: 'vip' },
  { type: 'stage', op: 'atLeast', value: 'mql' },
  { type: 'score', op: 'gte', value: 20 },
  {
    type: 'event',
    name: 'page_viewed',
    op: 'did',
    withinLastDays: 30,
    where: [{ path: 'properties.path', op: 'startsWith', value: '/pricing' }],
  },
];

export const TYPICAL_MODEL = {
  engagement: [
    { id: 'product-view', event: 'product_viewed', points: 15, cap: { points: 45, per: 'day' } },
    { id: 'page-view', event: 'page_viewed', points: 2, cap: { points: 10, per: 'day' } },
  ],
  decay: { mode: 'halfLife', days: 30 },
};

export interface CostFigures {
  readonly units: number;
  readonly usage: Usage;
  /** GB-seconds of the local wall time (an upper bound). */
  readonly measuredGbSeconds: number;
  readonly perUnit: Record<string, number>;
  readonly cost: CostBreakdown;
  /** Per function, per unit of work: where the invocations and the DynamoDB units go. */
  readonly byFunction: readonly FunctionFigures[];
  /** Bus events per unit of work, by detail-type. */
  readonly byEventType: Readonly<Record<string, number>>;
}

export interface FunctionFigures {
  readonly name: string;
  readonly invocations: number;
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly requests: number;
  /** What its DynamoDB requests did, per `<operation> <item type>`. */
  readonly operations: readonly OperationFigures[];
}

export interface OperationFigures {
  readonly operation: string;
  readonly count: number;
  readonly writeUnits: number;
  readonly readUnits: number;
}

const scheduled = new Set(
  functions
    .filter((f) => f.trigger.kind === 'scheduled-target' || f.trigger.kind === 'schedule')
    .map((f) => f.name),
);

/** Runs `work`, waits until the stack is idle, and returns everything it consumed. */
const measure = async (
  stack: LocalStack,
  m: ReturnType<typeof Meter>,
  units: number,
  work: () => Promise<void>,
): Promise<CostFigures> => {
  await stack.idle();
  m.reset();
  invocationStats.clear();
  const busBefore = stack.bus.events.length;
  const schedulerCalls = [...stack.scheduler.apiCalls.values()].reduce((a, b) => a + b, 0);
  const sqsBefore = { sends: stack.queues.sendRequests, batches: stack.queues.invocations };
  await work();
  await stack.idle();
  const tally = m.total();
  const events = stack.bus.events.slice(busBefore);
  const lambda = lambdaUsage(m);
  let schedulerInvocations = 0;
  for (const [name, count] of lambda.invocations) if (scheduled.has(name)) schedulerInvocations += count;
  // Queue-fed consumers (outgoing webhooks' deliver-webhooks, timers): each message sent (by the bus
  // rule or a function), and per batch handed to a function one receive and one delete.
  const sqsRequests =
    stack.queues.sendRequests - sqsBefore.sends + 2 * (stack.queues.invocations - sqsBefore.batches);
  const usage: Usage = {
    writeUnits: tally.writeUnits,
    readUnits: tally.readUnits,
    busEvents: billedBusEvents(events),
    lambdaRequests: lambda.requests,
    lambdaGbSeconds: lambda.estimatedGbSeconds,
    sqsRequests,
    schedulerInvocations,
  };
  const schedulerApi = [...stack.scheduler.apiCalls.values()].reduce((a, b) => a + b, 0) - schedulerCalls;
  const names = new Set([...invocationStats.keys(), ...m.all().keys()]);
  const byFunction = [...names]
    .map((name) => {
      const t = m.get(name);
      return {
        name,
        invocations: (invocationStats.get(name)?.count ?? 0) / units,
        writeUnits: t.writeUnits / units,
        readUnits: t.readUnits / units,
        requests: t.calls / units,
        operations: Object.entries(t.byOperation)
          .map(([operation, o]) => ({
            operation,
            count: o.count / units,
            writeUnits: o.writeUnits / units,
            readUnits: o.readUnits / units,
          }))
          .sort((a, b) => b.writeUnits - a.writeUnits || b.readUnits - a.readUnits),
      };
    })
    .sort((a, b) => b.writeUnits - a.writeUnits || b.invocations - a.invocations);
  return {
    units,
    usage,
    measuredGbSeconds: lambda.measuredGbSeconds,
    perUnit: {
      'write units': tally.writeUnits / units,
      'read units': tally.readUnits / units,
      'DynamoDB requests': tally.calls / units,
      'bus events': events.length / units,
      'Lambda invocations': lambda.requests / units,
      'SQS requests': sqsRequests / units,
      'Scheduler API calls': schedulerApi / units,
      'Scheduler invocations': schedulerInvocations / units,
    },
    cost: costPerMillion(usage, units),
    byFunction,
    byEventType: Object.fromEntries(
      Object.entries(Object.groupBy(events, (e) => e['detail-type']))
        .map(([type, list]) => [type, (list?.length ?? 0) / units] as const)
        .sort((a, b) => b[1] - a[1]),
    ),
  };
};

export interface CostBenchOptions {
  readonly stack: LocalStack;
  readonly meter: ReturnType<typeof Meter>;
  /** An admin key of a fresh workspace. */
  readonly token: string;
  readonly workspaceId: string;
  readonly orderTemplate: Record<string, unknown>;
  readonly contacts: number;
  readonly events: number;
  readonly orders: number;
}

export const benchCosts = async (o: CostBenchOptions) => {
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${o.stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' || body instanceof Buffer ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  for (const [i, condition] of TYPICAL_SEGMENTS.entries())
    await call('POST', '/v1/segments', { name: `typical ${i}`, condition });
  await call('PUT', '/v1/scoring-model', TYPICAL_MODEL);
  const pool = async (n: number, concurrency: number, run: (i: number) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) await run(next++);
      }),
    );
  };

  const contactCreation = await measure(o.stack, o.meter, o.contacts, () =>
    pool(o.contacts, 8, async (i) => {
      await call('POST', '/v1/contacts', {
        email: `typical${i}@bench.example`,
        firstName: `Typical${i}`,
        attributes: { plan: i % 2 ? 'pro' : 'free', seats: i % 10 },
        tags: i % 5 ? [] : ['vip'],
      });
    }),
  );

  const trackedEvent = await measure(o.stack, o.meter, o.events, () =>
    pool(o.events, 8, async (i) => {
      await call('POST', '/v1/track', {
        id: `typical-${i}`,
        name: i % 4 === 0 ? 'product_viewed' : 'page_viewed',
        email: `typical${i % o.contacts}@bench.example`,
        properties: { path: i % 3 ? `/products/${i % 50}` : '/pricing', price: 1299 },
      });
    }),
  );

  const secret = 'bench-typical-shopify-secret-0123';
  const created = await call('POST', '/v1/connections', { kind: 'shopify', name: 'typical shop', secret });
  const connection =
    typeof created === 'object' &&
    created &&
    'connection' in created &&
    typeof created.connection === 'object'
      ? Reflect.get(created.connection ?? {}, 'id')
      : undefined;
  if (typeof connection !== 'string') throw new Error('could not create the bench connection');
  const orderWebhook = await measure(o.stack, o.meter, o.orders, () =>
    pool(o.orders, 8, async (i) => {
      const body = Buffer.from(
        JSON.stringify({
          ...o.orderTemplate,
          id: 800_000 + i,
          email: `typical${i % o.contacts}@bench.example`,
          customer: {
            ...(typeof o.orderTemplate.customer === 'object' ? o.orderTemplate.customer : {}),
            id: 600_000 + (i % o.contacts),
            email: `typical${i % o.contacts}@bench.example`,
          },
        }),
      );
      const res = await fetch(`${o.stack.apiUrl}/v1/webhooks/${o.workspaceId}/${connection}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/create',
          'x-shopify-hmac-sha256': sign.shopify(secret, body),
          'x-shopify-event-id': `typical-${i}`,
          'x-shopify-shop-domain': 'typical.myshopify.com',
        },
        body,
      });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`webhook answered ${res.status}`);
    }),
  );
  return { contactCreation, trackedEvent, orderWebhook };
};
