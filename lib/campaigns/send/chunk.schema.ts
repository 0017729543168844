/**
 * A chunk of a campaign's audience snapshot: one page of up to 50 recipients of one membership shard,
 * sent in one SES call per send wave (a "9:00 in each recipient's zone" campaign sends each recipient
 * in the wave of its zone; any other campaign has one wave, 0). The chunk is also where its
 * recipients are claimed and settled (no item
 * per recipient: at 1M recipients that would be most of a campaign's AWS cost), so each recipient's
 * state is one letter in `states`, at the recipient's position:
 *
 * - `p` pending: not sent yet (or released after a throttle, to be sent again);
 * - `c` claimed: handed to SES now; `u` unknown: SES may have accepted it (SES's Send event settles it);
 * - `s` sent; `r` refused (unsubscribed, suppressed, no consent, no address); `f` failed;
 *   `k` capped (the workspace's frequency cap); `x` cancelled with the campaign.
 */
import * as z from 'zod';

export const CHUNK_SIZE = 50;

export const CHUNK_STATES = ['p', 'c', 'u', 's', 'r', 'f', 'k', 'x'] as const;
export type ChunkState = (typeof CHUNK_STATES)[number];

/** The states a recipient ends in: the campaign is done when every recipient is in one. */
export const FINAL_CHUNK_STATES: ReadonlySet<ChunkState> = new Set(['s', 'r', 'f', 'k', 'x']);

export const chunkRecord = z
  .object({
    type: z.literal('campaignChunk'),
    v: z.literal(1),
    campaignId: z.string(),
    shard: z.number().int().min(0),
    page: z.number().int().min(0),
    contacts: z.array(z.string()).min(1).max(CHUNK_SIZE),
    states: z.array(z.enum(CHUNK_STATES)),
    /** Each recipient's send wave, by position. */
    waves: z.array(z.number().int().min(0)),
    /** The distinct waves of `waves`: what a wave's dispatch filters chunks on. */
    waveSet: z.array(z.number().int().min(0)).min(1),
    /** Why a recipient was refused or failed, or why its outcome is unknown, by position. */
    reasons: z.record(z.string(), z.string()).default({}),
    /**
     * A/B test campaigns only: each recipient's variant, by position (meaningful in the test wave, 0;
     * the rest's wave sends the winner). Absent for a campaign without a test: no extra bytes.
     */
    variants: z.array(z.number().int().min(0)).optional(),
  })
  .refine((c) => c.states.length === c.contacts.length && c.waves.length === c.contacts.length, {
    message: 'one state and one wave per recipient',
    path: ['states'],
  })
  .refine((c) => c.variants === undefined || c.variants.length === c.contacts.length, {
    message: 'one variant per recipient',
    path: ['variants'],
  });
export type CampaignChunk = z.infer<typeof chunkRecord>;

/** Where a chunk is: its shard partition and page. */
export interface ChunkRef {
  readonly workspaceId: string;
  readonly campaignId: string;
  readonly shard: number;
  readonly page: number;
}
