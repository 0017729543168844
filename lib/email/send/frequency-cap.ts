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

/**
 * The slot a new send takes, or undefined when the contact is at its cap. Only slots below `limit`
 * are taken: the lowest empty one, else the one whose send is oldest (outside the window).
 */
export const freeSlot = (slots: CapSlots, limit: number, since: number): number | undefined => {
  if (sendsInWindow(slots, since) >= limit) return undefined;
  let oldest: number | undefined;
  for (let slot = 0; slot < limit; slot++) {
    const at = slots.get(slot);
    if (at === undefined) return slot;
    if (at < since && (oldest === undefined || at < (slots.get(oldest) ?? 0))) oldest = slot;
  }
  return oldest;
};
