/** How the delivery path behaves: the address policy, the retry policy, timeouts and the disable rule. */
import type { AddressPolicy } from './endpoint-address.ts';
import type { RetryPolicy } from './retry-policy.ts';

export interface DeliverySettings {
  readonly policy: AddressPolicy;
  readonly retry: RetryPolicy;
  /** The deadline of one POST. */
  readonly timeoutMs: number;
  /**
   * An endpoint whose deliveries have failed this long with no success in between is disabled when
   * one of them is dead-lettered (3 days by default).
   */
  readonly disableAfterSeconds: number;
}

/** A claimed attempt not settled after this long was abandoned (a crash): it may be claimed again. */
export const STALE_CLAIM_MS = 60_000;

export const DEFAULT_DISABLE_AFTER_SECONDS = 3 * 86_400;
export const DEFAULT_TIMEOUT_MS = 10_000;
