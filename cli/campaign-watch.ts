/**
 * `ecrm campaign watch <id>`: a campaign's progress (GET /v1/campaigns/{id}/progress), polled until
 * it is sent, cancelled or failed, or paused (said, and the watch ends: a paused campaign waits for
 * someone). The progress goes to stderr, as a bar redrawn in place on a terminal and as one line per
 * poll otherwise (a log, a CI job); the last progress goes to stdout as JSON, like every command.
 */
import * as z from 'zod';

const count = z.number().int().min(0);

/** What the watch reads of the progress answer (the API documents the rest). */
export const watchedProgress = z.object({
  campaignId: z.string(),
  status: z.string(),
  audience: count,
  queued: count,
  inFlight: count,
  sent: count,
  suppressed: count,
  failed: count,
  capped: count,
  cancelled: count,
  settled: count,
  reasons: z.array(z.object({ reason: z.string(), recipients: count })),
  pausedReason: z.string().optional(),
  failedReason: z.string().optional(),
});
export type WatchedProgress = z.infer<typeof watchedProgress>;

const ENDS = new Set(['sent', 'cancelled', 'failed', 'paused']);

export interface WatchIo {
  readonly progress: () => Promise<unknown>;
  readonly write: (text: string) => void;
  /** Whether `write` goes to a terminal (the bar is redrawn in place). */
  readonly tty: boolean;
  readonly sleep: (ms: number) => Promise<void>;
  /** Between two polls: fixed, or `pollInterval` of the last progress when undefined. */
  readonly intervalMs?: number | undefined;
  /** A timestamp for the non-terminal lines. */
  readonly now: () => Date;
}

const BAR = 30;
const n = (x: number) => x.toLocaleString('en-US');

/** Share of the audience with a final outcome, in whole percent (0 before the snapshot). */
export const percentDone = (p: WatchedProgress): number =>
  p.audience > 0 ? Math.floor((p.settled / p.audience) * 100) : 0;

const counts = (p: WatchedProgress) =>
  `sent ${n(p.sent)} · suppressed ${n(p.suppressed)} · failed ${n(p.failed)} · capped ${n(p.capped)}` +
  (p.cancelled > 0 ? ` · cancelled ${n(p.cancelled)}` : '') +
  ` · queued ${n(p.queued)} · in flight ${n(p.inFlight)}`;

/** The progress bar of a terminal; pure. */
export const progressBar = (p: WatchedProgress): string => {
  const filled = p.audience > 0 ? Math.round((p.settled / p.audience) * BAR) : 0;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
  return `${bar} ${String(percentDone(p)).padStart(3)}% ${n(p.settled)}/${n(p.audience)}  ${counts(p)}  [${p.status}]`;
};

/** One line of a log; pure. */
export const progressLine = (p: WatchedProgress, at: Date): string =>
  `${at.toISOString()} ${p.campaignId} ${p.status} ${percentDone(p)}% ${n(p.settled)}/${n(p.audience)} ${counts(p)}`;

/** What is said when the watch ends. */
export const endNote = (p: WatchedProgress): string => {
  const why = p.status === 'paused' ? p.pausedReason : p.status === 'failed' ? p.failedReason : undefined;
  const reasons = p.reasons.map((r) => `${r.reason}: ${n(r.recipients)}`).join(', ');
  return (
    `${p.campaignId} is ${p.status}${why ? ` (${why})` : ''}` +
    (p.status === 'paused' ? `: resume it with \`ecrm campaign resume --id ${p.campaignId}\`` : '') +
    (reasons ? `\n  not sent because: ${reasons}` : '')
  );
};

/**
 * The default time between two polls: 2 s, and 1 s more per 20,000 recipients up to a minute. Each
 * poll reads every chunk of the campaign (~6,000 read units, $0.0008, at 1M recipients): a watch of a
 * 1M-recipient send polls every 50 s, so that watching it costs cents, not a share of its budget.
 */
export const pollInterval = (p: WatchedProgress): number =>
  Math.min(60_000, Math.max(2_000, Math.round(p.audience / 20)));

/** Polls until the campaign ends or pauses; returns its last progress. */
export const watchCampaign = async (io: WatchIo): Promise<WatchedProgress> => {
  for (;;) {
    const p = watchedProgress.parse(await io.progress());
    io.write(io.tty ? `\r${progressBar(p)}\x1b[K` : `${progressLine(p, io.now())}\n`);
    if (ENDS.has(p.status)) {
      io.write(`${io.tty ? '\n' : ''}${endNote(p)}\n`);
      return p;
    }
    await io.sleep(io.intervalMs ?? pollInterval(p));
  }
};
