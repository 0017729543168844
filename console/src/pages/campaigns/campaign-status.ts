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
