/**
 * A workspace's sending health, pure: its bounce and complaint rates over a rolling window, and
 * whether marketing email must pause. SES puts an account under review at a 5% bounce rate or a 0.1%
 * complaint rate; ecrm pauses a workspace's marketing before either (4%, 0.08%), once the window holds
 * enough mail for a rate to mean something. Transactional email is never paused by this.
 */
import type { Outcomes } from '../history/counters.repository.ts';

export interface SendingThresholds {
  readonly windowHours: number;
  readonly minimumVolume: number;
  readonly bounceRate: number;
  readonly complaintRate: number;
}

export const SENDING_THRESHOLDS: SendingThresholds = {
  /** The rolling window the rates are measured over. */
  windowHours: 7 * 24,
  /** Below this many delivered + bounced messages in the window, no rate pauses anything. */
  minimumVolume: 500,
  /** Pause at this bounce rate (SES reviews at 5%). */
  bounceRate: 0.04,
  /** Pause at this complaint rate (SES reviews at 0.1%). */
  complaintRate: 0.0008,
};

export interface SendingRates extends Outcomes {
  /** Messages that reached an outcome: delivered + hard-bounced. */
  readonly volume: number;
  readonly bounceRate: number;
  readonly complaintRate: number;
}

export const ratesOf = (o: Outcomes): SendingRates => {
  const volume = o.delivered + o.bounced;
  return {
    ...o,
    volume,
    bounceRate: volume === 0 ? 0 : o.bounced / volume,
    complaintRate: volume === 0 ? 0 : o.complained / volume,
  };
};

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** Why marketing must pause at these rates, or undefined when it may go on. */
export const pauseReason = (
  rates: SendingRates,
  t: { minimumVolume: number; bounceRate: number; complaintRate: number } = SENDING_THRESHOLDS,
): string | undefined => {
  if (rates.volume < t.minimumVolume) return undefined;
  if (rates.complaintRate >= t.complaintRate)
    return `complaint rate ${percent(rates.complaintRate)} over ${rates.volume} messages reached ${percent(t.complaintRate)} (SES reviews accounts at 0.1%)`;
  if (rates.bounceRate >= t.bounceRate)
    return `bounce rate ${percent(rates.bounceRate)} over ${rates.volume} messages reached ${percent(t.bounceRate)} (SES reviews accounts at 5%)`;
  return undefined;
};

const HOUR_MS = 3_600_000;

/**
 * The first hour of the window: `windowHours` back from now, or the hour of the last resume when
 * that is later (a resumed workspace starts afresh rather than pausing again on the same bounces).
 */
export const windowStart = (now: Date, resumedAt: string | undefined, windowHours: number): Date => {
  const from = now.getTime() - (windowHours - 1) * HOUR_MS;
  const resumed = resumedAt ? Date.parse(resumedAt) : Number.NaN;
  return new Date(Number.isNaN(resumed) ? from : Math.max(from, resumed));
};
