/**
 * Ingest rate limiting per API key and per workspace, cheap enough to sit on the hot path.
 *
 * Requests are counted in fixed windows of `WINDOW_SECONDS`; a subject (a key, or the workspace) may
 * make `limit × WINDOW_SECONDS` requests per window. Each container counts locally and adds its count
 * to a shared DynamoDB counter (one UpdateItem ADD, which returns the new total: no read) only when it
 * matters: once it holds `flushEvery` uncounted requests, or at most once a second while the last
 * known total is within half of the limit. It decides on the last known total plus its own uncounted
 * requests, so far below the limit a container writes once per `flushEvery` requests (≈ 2% of the
 * limit), and near it once a second. What it cannot see is the other containers' last second (or
 * their last `flushEvery` requests): the overshoot is bounded by that, and it never refuses early.
 */
import type { Clock } from '../shared/clock.ts';
import { RateLimitedError } from '../shared/errors.ts';
import type { RateLimits } from './workspace.schema.ts';

export const WINDOW_SECONDS = 10;
/** Customer.io's Track API allows 100 requests/s; a workspace gets ten keys' worth by default. */
export const DEFAULT_RATE_LIMITS = { perKey: 100, perWorkspace: 1_000 } as const;
const FLUSH_INTERVAL_MS = 1_000;
/** Far from the limit, flush once per this share of a window's allowance. */
const FLUSH_SHARE = 0.02;

/** The shared counters: add `n` to a subject's window and get the window's new total. */
export interface RateCounters {
  add(workspaceId: string, subject: string, windowStart: number, n: number): Promise<number>;
}

interface Count {
  window: number;
  /** Total in the table as last seen (all containers). */
  known: number;
  /** Counted here and not yet added to the table. */
  pending: number;
  lastFlush: number;
}

export interface RateLimiter {
  /** Count one request; throws RateLimitedError (with seconds to wait) when over a limit. */
  admit(request: { workspaceId: string; keyId: string; limits?: RateLimits | undefined }): Promise<void>;
}

export const rateLimiter = (deps: {
  readonly counters: RateCounters;
  readonly clock: Clock;
}): RateLimiter => {
  const counts = new Map<string, Count>();

  const take = async (workspaceId: string, subject: string, perSecond: number, now: number) => {
    const window = Math.floor(now / (WINDOW_SECONDS * 1000)) * WINDOW_SECONDS;
    const allowance = perSecond * WINDOW_SECONDS;
    const id = `${workspaceId}/${subject}`;
    let count = counts.get(id);
    if (!count || count.window !== window) {
      count = { window, known: 0, pending: 0, lastFlush: 0 };
      counts.set(id, count);
    }
    const retryAfter = Math.max(1, Math.ceil(window + WINDOW_SECONDS - now / 1000));
    if (count.known + count.pending >= allowance) return retryAfter;
    count.pending += 1;
    const flushEvery = Math.max(1, Math.floor(allowance * FLUSH_SHARE));
    const near = count.known + count.pending >= allowance / 2;
    if (count.pending >= flushEvery || (near && now - count.lastFlush >= FLUSH_INTERVAL_MS)) {
      const n = count.pending;
      count.pending = 0;
      count.lastFlush = now;
      try {
        count.known = Math.max(count.known + n, await deps.counters.add(workspaceId, subject, window, n));
      } catch (error) {
        count.pending += n; // counted again at the next flush: a failed write never loses requests
        throw error;
      }
      // The fresh total includes the other containers' requests: this one may be past the allowance.
      if (count.known > allowance) return retryAfter;
    }
    return 0;
  };

  return {
    async admit({ workspaceId, keyId, limits }) {
      const now = deps.clock.now().getTime();
      const perKey = limits?.perKey ?? DEFAULT_RATE_LIMITS.perKey;
      const perWorkspace = limits?.perWorkspace ?? DEFAULT_RATE_LIMITS.perWorkspace;
      const key = await take(workspaceId, keyId, perKey, now);
      if (key > 0)
        throw new RateLimitedError(
          `this key may make ${perKey} requests a second; retry after ${key} s`,
          key,
        );
      const all = await take(workspaceId, '*', perWorkspace, now);
      if (all > 0)
        throw new RateLimitedError(
          `this workspace may make ${perWorkspace} ingest requests a second; retry after ${all} s`,
          all,
        );
    },
  };
};
