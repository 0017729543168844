/**
 * The fan-out marker: which optional consumers of the ecrm bus a workspace needs. Each bus entry
 * carries its workspace's marker in `detail.fanout` (`{hooks, journeys}`, put there by the publisher),
 * and the rules of the optional consumers match only the entries whose marker says they are needed,
 * plus every replayed event (see {@link neededBy}). So a workspace without an outgoing webhook endpoint
 * never fills the `deliver-webhooks` queue, and one that never had a live journey never invokes
 * `journey-events`.
 *
 * What the marker says, from its item (`keys.fanoutMarker`, one per workspace):
 * - `hooks`: the workspace has at least one outgoing webhook endpoint, whatever its status (a disabled
 *   endpoint's deliveries are still dead-lettered by the consumer, for a replay after it is enabled).
 *   The item counts the endpoints (`webhookEndpoints`); each create and delete moves the count in the
 *   same transaction as the endpoint itself, so parallel creates and deletes keep it exact.
 * - `journeys`: a journey of the workspace has gone live, ever. Sticky on purpose: runs in progress
 *   (of a live, paused or archived journey) still end on goals, awaited events, unsubscribes and
 *   suppressions, and inactivity triggers move their timers on each event, all through
 *   `journey-events`; working out when none of that can happen any more is not worth the risk.
 * - A workspace whose item is not `exact` (made before the marker existed, so its endpoints and live
 *   journeys were never counted) needs every consumer: both true, as before the marker.
 */
import * as z from 'zod';

export const fanoutMarkerRecord = z.object({
  type: z.literal('fanoutMarker'),
  v: z.literal(1),
  /** Outgoing webhook endpoints of the workspace, any status (absent: none counted yet). */
  webhookEndpoints: z.number().int().optional(),
  /** Set when a journey of the workspace goes live; never cleared. */
  journeysLive: z.literal(true).optional(),
  /** The counts are complete: written with the workspace, so every endpoint and journey was counted. */
  exact: z.literal(true).optional(),
});
export type FanoutMarker = z.infer<typeof fanoutMarkerRecord>;

/** The marker as bus entries carry it: the optional consumers the event's workspace needs. */
export interface Fanout {
  readonly hooks: boolean;
  readonly journeys: boolean;
}
export type FanoutConsumer = keyof Fanout;

/** What a workspace of unknown needs gets: every consumer, as before the marker. */
export const EVERY_CONSUMER: Fanout = { hooks: true, journeys: true };

/** The marker of a workspace, from its item (undefined: there is none). */
export const fanoutOf = (marker: FanoutMarker | undefined): Fanout =>
  marker?.exact
    ? { hooks: (marker.webhookEndpoints ?? 0) > 0, journeys: marker.journeysLive === true }
    : EVERY_CONSUMER;

/** The field of a bus entry's `detail` that carries the marker. */
export const FANOUT_FIELD = 'fanout';

/** Reads the markers of some workspaces, strongly consistent: one item read per workspace. */
export type FanoutReader = (workspaceIds: readonly string[]) => Promise<ReadonlyMap<string, Fanout>>;

/**
 * `pattern` narrowed to the bus entries whose marker does not say `consumer` is not needed: `true`, or
 * no marker at all (an entry published before the marker existed, e.g. during the upgrade's deploy,
 * goes to every consumer as it did then). Only an explicit `false` is skipped.
 *
 * **Replayed events always pass.** EventBridge adds a top-level `replay-name` field to every event it
 * replays from an archive (its managed archive rule keeps replays out of the archive with
 * `"replay-name": [{"exists": false}]`: "Archiving and replaying events in Amazon EventBridge", section
 * "Preventing replayed events from being delivered to an archive",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html). A replay carries the
 * marker as it was at the first publish (say, before the endpoint the replay is for existed), so the
 * README's StartReplay recipe that fills a new endpoint with older events needs this alternative.
 */
export const neededBy = <P extends Readonly<Record<string, unknown>>>(
  consumer: FanoutConsumer,
  pattern: P,
) => ({
  ...pattern,
  // Three alternatives rather than `[true, {exists: false}]` in one array: each is a documented form.
  $or: [
    { detail: { [FANOUT_FIELD]: { [consumer]: [true] } } },
    { detail: { [FANOUT_FIELD]: { [consumer]: [{ exists: false }] } } },
    { 'replay-name': [{ exists: true }] },
  ],
});
