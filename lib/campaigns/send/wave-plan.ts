/**
 * A sending campaign's waves: one (0, at launch) for a campaign sent at one moment; for "9:00 in each
 * recipient's own time zone", one per distinct instant the date and time have across every zone the
 * runtime knows (each contact goes in the wave of its zone, or of the workspace's default zone).
 * Known at launch, before the audience: each wave has its timer, and a chunk written after its wave's
 * time is queued at once.
 */
import type { Campaign } from '../campaign.schema.ts';
import { sendWaves, waveOfRecipient } from '../send-time.ts';

export interface WavePlan {
  /** The wave of a contact whose zone is `zone` (as stored on the contact). */
  readonly waveOf: (zone: string | null | undefined) => number;
  /** Whether waves depend on the contacts' zones (the snapshot then reads them). */
  readonly byZone: boolean;
  /** Every wave the campaign can have, in time order. */
  readonly waves: readonly { readonly wave: number; readonly at: Date }[];
}

export const wavePlan = (
  campaign: Pick<Campaign, 'schedule' | 'startedAt'>,
  defaultTimeZone: string,
): WavePlan => {
  const schedule = campaign.schedule;
  if (schedule?.type !== 'recipientLocal')
    return { byZone: false, waveOf: () => 0, waves: [{ wave: 0, at: new Date(campaign.startedAt ?? 0) }] };
  const all = sendWaves(schedule, [...Intl.supportedValuesOf('timeZone'), null], defaultTimeZone);
  return {
    byZone: true,
    waveOf: waveOfRecipient(schedule, defaultTimeZone),
    waves: all.map((w) => ({ wave: w.wave, at: new Date(w.at) })),
  };
};

/** The waves whose time has come. */
export const dueWaves = (plan: WavePlan, now: Date): number[] =>
  plan.waves.filter((w) => w.at.getTime() <= now.getTime()).map((w) => w.wave);

/** When the last wave is due. */
export const lastWaveAt = (plan: WavePlan): Date => plan.waves.at(-1)?.at ?? new Date(0);
