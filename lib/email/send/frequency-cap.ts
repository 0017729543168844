/**
 * The frequency cap's window maths, pure: a contact's recent marketing sends are kept as `limit`
 * numbered slots, each holding the time of one send (epoch ms). A slot is free when it is empty or
 * its send has left the window; a send is allowed exactly when some slot is free, and takes it.
 *
 * Why slots rather than a list: "fewer than `limit` sends in the window" then becomes a condition on
 * one attribute ("slot i is empty or older than the window"), which DynamoDB checks in the same
 * conditional write that takes the slot. Two sends racing for the last free slot cannot both win, and
 * no write ever depends on a count read earlier (frequency-caps.repository.ts).
 */
import type { FrequencyCap } from '../../workspaces/email-settings.schema.ts';

const HOUR_MS = 3_600_000;

/** A contact's slots: slot number → the time of the send it holds (epoch ms). */
export type CapSlots = ReadonlyMap<number, number>;

/** The reason recorded for a recipient over the cap. */
export const FREQUENCY_CAP_REASON = 'frequency-cap';

export const capWindowMs = (cap: FrequencyCap): number =>
  cap.period * (cap.unit === 'days' ? 24 : 1) * HOUR_MS;

/** The earliest send time still inside the window at `nowMs`: a slot older than this is free. */
export const windowStart = (cap: FrequencyCap, nowMs: number): number => nowMs - capWindowMs(cap);

/** Sends inside the window (every slot counts, also those above `limit` left by a higher limit). */
export const sendsInWindow = (slots: CapSlots, since: number): number =>
  [...slots.values()].filter((at) => at >= since).length;

/** What a new send writes: the slot it takes, and the slots its write also checks are still free. */
export interface SlotChoice {
  readonly take: number;
  /**
   * Free slots below `limit` that must stay free for this send to fit: one for each send still in
   * the window in a slot at or above `limit` (left by a higher limit, which nothing writes to now).
   * Empty unless the limit was lowered within the last period.
   */
  readonly alsoFree: readonly number[];
}

/**
 * The slot a new send takes, or undefined when the contact is at its cap. Only slots below `limit`
 * are taken: the lowest empty one, else the one whose send is oldest (outside the window).
 *
 * Why the write checking its own slot is enough: every send in the window holds its own slot, so a
 * free slot below `limit` means fewer than `limit` sends there. Sends in slots at or above `limit`
 * can only leave the window, never arrive; so checking as many more free slots as there are of them
 * keeps the total under `limit` even while other sends race for the same slots.
 */
export const freeSlot = (slots: CapSlots, limit: number, since: number): SlotChoice | undefined => {
  if (sendsInWindow(slots, since) >= limit) return undefined;
  const free: number[] = [];
  for (let slot = 0; slot < limit; slot++) {
    const at = slots.get(slot);
    if (at === undefined || at < since) free.push(slot);
  }
  // Empty slots first (lowest number), then the oldest sends.
  free.sort((a, b) => (slots.get(a) ?? -1) - (slots.get(b) ?? -1) || a - b);
  const [take, ...rest] = free;
  if (take === undefined) return undefined;
  const above = [...slots].filter(([slot, at]) => slot >= limit && at >= since).length;
  return { take, alsoFree: rest.slice(0, above) };
};
