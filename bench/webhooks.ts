/**
 * Webhook ingest on the local stack: signed Shopify deliveries at concurrency 50, the hot path's
 * cost and latency, then the processing behind the bus.
 */
import { performance } from 'node:perf_hooks';
import type { LocalStack } from '../infra/local/stack.ts';
import { sign } from '../lib/webhooks/verify/index.ts';
import type { meter } from './capacity.ts';

export interface WebhookBenchOptions {
  readonly stack: LocalStack;
  readonly token: string;
  readonly workspaceId: string;
  readonly meter: ReturnType<typeof meter>;
  /** A Shopify orders/create payload to vary per delivery. */
  readonly orderTemplate: Record<string, unknown>;
  readonly deliveries: number;
  readonly concurrency: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export const benchWebhooks = async (o: WebhookBenchOptions) => {
  const secret = 'bench-shopify-secret-0123456789';
  const res = await fetch(`${o.stack.apiUrl}/v1/connections`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'shopify', name: 'bench shop', secret }),
  });
  const created: unknown = await res.json();
  const connection =
    typeof created === 'object' &&
    created !== null &&
    'connection' in created &&
    typeof created.connection === 'object' &&
    created.connection
      ? Reflect.get(created.connection, 'id')
      : undefined;
  if (typeof connection !== 'string')
    throw new Error(`could not create the bench connection: ${JSON.stringify(created)}`);

  const bodies = Array.from({ length: o.deliveries }, (_, n) =>
    Buffer.from(
      JSON.stringify({
        ...o.orderTemplate,
        id: 900_000 + n,
        email: `buyer${n % 500}@bench.example`,
        customer: {
          ...(typeof o.orderTemplate.customer === 'object' ? o.orderTemplate.customer : {}),
          id: 700_000 + (n % 500),
          email: `buyer${n % 500}@bench.example`,
        },
      }),
    ),
  );
  const latencies: number[] = [];
  let next = 0;
  await o.stack.relay.pause();
  o.meter.reset();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < bodies.length) {
        const n = next++;
        const body = bodies[n];
        if (!body) continue;
        const start = performance.now();
        const r = await fetch(`${o.stack.apiUrl}/v1/webhooks/${o.workspaceId}/${connection}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'orders/create',
            'x-shopify-hmac-sha256': sign.shopify(secret, body),
            'x-shopify-event-id': `bench-${n}`,
            'x-shopify-shop-domain': 'bench.myshopify.com',
          },
          body,
        });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`delivery ${n} answered ${r.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const hot = o.meter.get('receive-webhook');
  o.meter.reset();
  const t1 = performance.now();
  await o.stack.relay.resume();
  await o.stack.idle();
  const drain = (performance.now() - t1) / 1000;
  const behind = o.meter.get('process-webhook');
  latencies.sort((a, b) => a - b);
  return {
    deliveriesPerSecond: o.deliveries / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    hot,
    behind,
    processedPerSecond: o.deliveries / drain,
  };
};
