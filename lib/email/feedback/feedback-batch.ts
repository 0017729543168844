/**
 * One batch of SES events from the feedback queue: each event applied on its own (a failure is
 * reported for that event alone, and redelivered), then what the batch changed added to the sharded
 * counters in one write per counter (and one per link clicked), then the rates of the workspaces that
 * got bounces or complaints checked. Counting per batch keeps counter writes far below one per event; an event is counted only
 * by the invocation that applied it (a duplicate is never counted twice).
 */
import type { Clock } from '../../shared/clock.ts';
import { type CountersRepository, type Counts, hourOf } from '../history/counters.repository.ts';
import { variantOriginId } from '../message-tags.ts';
import { applyFeedback, type FeedbackDeps, type FeedbackOutcome } from './apply-feedback.ts';
import { linkHash } from './feedback.ts';
import type { SendingThresholds } from './sending-health.ts';
import type { SendingStateRepository } from './sending-state.repository.ts';
import { checkSendingHealth } from './sending-status.ts';
import type { SesEvent } from './ses-event.schema.ts';

export interface FeedbackBatchDeps extends FeedbackDeps {
  readonly counters: CountersRepository;
  readonly sending: SendingStateRepository;
  readonly clock: Clock;
  readonly thresholds?: SendingThresholds;
}

export interface BatchItem {
  /** The queue message id, reported back when this event fails. */
  readonly id: string;
  readonly event: SesEvent;
}

export interface BatchResult {
  readonly outcomes: ReadonlyMap<string, FeedbackOutcome>;
  readonly failed: readonly { readonly id: string; readonly error: unknown }[];
  /** Workspaces whose marketing this batch paused, with the reason. */
  readonly paused: readonly { readonly workspaceId: string; readonly reason: string }[];
  /** Counter writes that failed (their counts are lost; the events stay applied). */
  readonly countingErrors: readonly unknown[];
}

export interface Tally {
  readonly origins: Map<string, { ws: string; origin: string; originId: string; counts: Counts }>;
  /** Clicks per link per origin: messages whose first click on that link this batch applied. */
  readonly links: Map<
    string,
    { ws: string; origin: string; originId: string; linkHash: string; link: string; clicked: number }
  >;
  readonly hours: Map<string, { ws: string; hour: string; counts: Counts }>;
  /** Workspaces whose rates may have risen. */
  readonly check: Set<string>;
}

/** For a one-off without an origin id (an API send), its counter is the origin's own. */
export const NO_ORIGIN_ID = '_';

const bump = (counts: Counts, kind: keyof Counts) => {
  counts[kind] = (counts[kind] ?? 0) + 1;
};

/** What applied outcomes add to the counters; pure. */
export const tally = (outcomes: Iterable<FeedbackOutcome>): Tally => {
  const t: Tally = { origins: new Map(), links: new Map(), hours: new Map(), check: new Set() };
  for (const o of outcomes) {
    if (o.status !== 'applied' || !o.message) continue;
    const { tags, kind, at } = o.feedback;
    const ws = tags.workspaceId;
    const originId = tags.originId ?? NO_ORIGIN_ID;
    const oKey = `${ws}\n${tags.origin}\n${originId}`;
    const origin = t.origins.get(oKey) ?? { ws, origin: tags.origin, originId, counts: {} };
    // `clicked` counts messages clicked: another link of a message clicked before adds nothing to it.
    if (!o.anotherLink) bump(origin.counts, kind);
    t.origins.set(oKey, origin);
    // An A/B test email counts for its variant too: the decision and the results per variant read it.
    if (tags.variant !== undefined && tags.originId !== undefined && !o.anotherLink) {
      const variantId = variantOriginId(tags.originId, tags.variant);
      const vKey = `${ws}\n${tags.origin}\n${variantId}`;
      const v = t.origins.get(vKey) ?? { ws, origin: tags.origin, originId: variantId, counts: {} };
      bump(v.counts, kind);
      t.origins.set(vKey, v);
    }
    const { link } = o.feedback;
    if (kind === 'clicked' && link !== undefined) {
      const hash = linkHash(link);
      const lKey = `${oKey}\n${hash}`;
      const l = t.links.get(lKey) ?? { ws, origin: tags.origin, originId, linkHash: hash, link, clicked: 0 };
      l.clicked++;
      t.links.set(lKey, l);
    }
    if (kind === 'delivered' || kind === 'bounced' || kind === 'complained') {
      const hour = hourOf(new Date(at));
      const hKey = `${ws}\n${hour}`;
      const h = t.hours.get(hKey) ?? { ws, hour, counts: {} };
      bump(h.counts, kind);
      t.hours.set(hKey, h);
      if (kind !== 'delivered') t.check.add(ws);
    }
  }
  return t;
};

export const applyFeedbackBatch = async (
  items: readonly BatchItem[],
  deps: FeedbackBatchDeps,
): Promise<BatchResult> => {
  const outcomes = new Map<string, FeedbackOutcome>();
  const failed: { id: string; error: unknown }[] = [];
  await Promise.all(
    items.map(async ({ id, event }) => {
      try {
        outcomes.set(id, await applyFeedback(event, deps));
      } catch (error) {
        failed.push({ id, error });
      }
    }),
  );
  const t = tally(outcomes.values());
  // The events are applied: failing the batch now would only turn them into duplicates, never
  // counted. A counter write that fails after the SDK's retries is reported instead (an ERROR line).
  const counting = await Promise.allSettled([
    ...[...t.origins.values()].map((o) => deps.counters.addToOrigin(o.ws, o.origin, o.originId, o.counts)),
    ...[...t.links.values()].map((l) =>
      deps.counters.addLinkClicks(l.ws, l.origin, l.originId, l.linkHash, l.link, l.clicked),
    ),
    ...[...t.hours.values()].map((h) => deps.counters.addOutcomes(h.ws, h.hour, h.counts)),
  ]);
  const countingErrors = counting.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  const paused: { workspaceId: string; reason: string }[] = [];
  for (const ws of t.check) {
    try {
      const reason = await checkSendingHealth(ws, deps);
      if (reason) paused.push({ workspaceId: ws, reason });
    } catch (error) {
      // The next batch with a bounce or complaint checks again.
      countingErrors.push(error);
    }
  }
  return { outcomes, failed, paused, countingErrors };
};
