/** Campaign states (a copy of the server's list, kept equal by console/test/server-lists.test.ts). */
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'failed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** States that still change by themselves: the campaign page polls its progress while in one. */
export const isLive = (status: CampaignStatus): boolean =>
  status === 'scheduled' || status === 'sending' || status === 'paused';

/** What the campaign page knows of a campaign's progress when it decides when to ask again. */
export interface ProgressSeen {
  readonly status: CampaignStatus;
  readonly audience: number;
  /** How many answers in a row found the same audience and settled count, none in flight. */
  readonly unchanged: number;
}

/** A progress answer's fingerprint: two equal ones in a row mean nothing moved in between. */
export const progressMark = (p: {
  readonly audience: number;
  readonly settled: number;
  readonly inFlight: number;
}): string | undefined => (p.inFlight > 0 ? undefined : `${p.audience}/${p.settled}`);

const SECOND = 1000;
/** Answers alike in a row after which a sending campaign is taken to be waiting. */
const STILL_AFTER = 5;

/**
 * How long the campaign page waits before asking for the progress again, or false once the campaign
 * is final. The progress is read from the campaign's chunks, so each ask costs in proportion to the
 * audience (about one read unit per 400 recipients): every 2 s for a small campaign while it sends,
 * stretching to 30 s at 150,000 recipients and more; every 30 s while nothing moves by itself soon
 * (scheduled, paused, or a sending campaign whose recipients wait for their wave or an A/B test's
 * winner: 5 answers alike in a row, nothing in flight). Pure.
 */
export const progressPollMs = (seen: ProgressSeen): number | false => {
  if (!isLive(seen.status)) return false;
  if (seen.status !== 'sending' || seen.unchanged >= STILL_AFTER) return 30 * SECOND;
  return Math.min(30 * SECOND, Math.max(2 * SECOND, Math.round(seen.audience / 5_000) * SECOND));
};
