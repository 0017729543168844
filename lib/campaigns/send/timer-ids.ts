/** The ids of a sending campaign's timers (one per campaign and purpose; the finish check's per due time). */
export const waveTimerId = (campaignId: string, wave: number): string => `${campaignId}#wave#${wave}`;
export const finishTimerId = (campaignId: string, due: Date): string =>
  `${campaignId}#finish@${due.toISOString()}`;
export const quotaResumeTimerId = (campaignId: string, due: Date): string =>
  `${campaignId}#quota-resume@${due.toISOString()}`;
