/**
 * The ingest rate limiter's own cost: write and read units per 1M requests at steady rates, for one
 * container and for ten sharing a key, and its projected AWS cost next to the hot path's own write.
 * The limiter runs as shipped (`lib/workspaces/rate-limit.ts`) on a simulated clock; its counter
 * writes go to a store that counts them. Each is one UpdateItem ADD on an item under 1 KB (size
 * printed), which AWS bills 1 write unit, and returns the new total without a read.
 */
import { fixedClock } from '../lib/shared/clock.ts';
import { RateLimitedError } from '../lib/shared/errors.ts';
import { keys } from '../lib/shared/keys.ts';
import { DEFAULT_RATE_LIMITS, type RateCounters, rateLimiter } from '../lib/workspaces/rate-limit.ts';
import { PRICES } from './metering/prices.ts';

const SIMULATED = 200_000;

/** Item size by DynamoDB's rules: attribute names plus values (numbers ≈ 1 byte per 2 digits + 1). */
const counterItemBytes = () => {
  const key = keys.rateCounter(`ws_${'x'.repeat(20)}`, `k_${'0'.repeat(26)}`, 1_764_460_000);
  const strings = { ...key, type: 'rateCounter' };
  const numbers = { n: 100_000, ttl: 1_764_463_610, v: 1 };
  return (
    Object.entries(strings).reduce((s, [k, v]) => s + k.length + v.length, 0) +
    Object.entries(numbers).reduce((s, [k, v]) => s + k.length + Math.ceil(String(v).length / 2) + 1, 0)
  );
};

const scenario = async (perSecond: number, containers: number) => {
  const clock = fixedClock('2026-03-01T12:00:00.000Z');
  const totals = new Map<string, number>();
  let writes = 0;
  const counters: RateCounters = {
    add: async (ws, subject, window, n) => {
      writes += 1;
      const id = `${ws}/${subject}/${window}`;
      totals.set(id, (totals.get(id) ?? 0) + n);
      return totals.get(id) ?? n;
    },
  };
  const limiters = Array.from({ length: containers }, () => rateLimiter({ counters, clock }));
  const step = 1000 / perSecond;
  let refused = 0;
  for (let i = 0; i < SIMULATED; i++) {
    try {
      await limiters[i % containers]?.admit({ workspaceId: 'ws_bench', keyId: 'k_bench' });
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      refused += 1;
    }
    clock.advance(step);
  }
  return { writesPerMillion: (writes / SIMULATED) * 1_000_000, refusedShare: refused / SIMULATED };
};

export const benchRateLimit = async (row: (label: string, value: string) => void) => {
  console.log(
    `\ningest rate limiter (defaults ${DEFAULT_RATE_LIMITS.perKey}/s per key, ${DEFAULT_RATE_LIMITS.perWorkspace}/s per workspace; simulated clock):`,
  );
  row('counter item size (1 write unit per flush)', `${counterItemBytes()} B`);
  row('read units per 1M requests (ADD returns the total)', '0');
  const hotPathPerMillion = 1_000_000 * PRICES.writeUnit; // track: 1 write unit per single-event request
  for (const [perSecond, containers] of [
    [1, 1],
    [20, 1],
    [50, 1],
    [100, 1],
    [100, 10],
    [1_000, 10],
  ] as const) {
    const { writesPerMillion, refusedShare } = await scenario(perSecond, containers);
    const cost = writesPerMillion * PRICES.writeUnit;
    row(
      `${perSecond} req/s on one key, ${containers} container${containers > 1 ? 's' : ''}`,
      `${writesPerMillion.toFixed(0)} WRU/1M, $${cost.toFixed(3)}/1M (${((cost / hotPathPerMillion) * 100).toFixed(1)}% of ingest)` +
        (refusedShare > 0 ? `, ${(refusedShare * 100).toFixed(0)}% refused` : ''),
    );
  }
  row('API key lookups (per container, 30 s cache)', '≤ 1 consistent GetItem per key per 30 s');
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRateLimit((label, value) => console.log(`  ${label.padEnd(52)} ${value}`));
}
