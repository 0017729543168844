/**
 * A chunk of a campaign's audience snapshot: up to 50 recipients of one membership shard and one send
 * wave, sent in one SES call. The chunk is also where its recipients are claimed and settled (no item
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
    wave: z.number().int().min(0),
    seq: z.number().int().min(0),
    contacts: z.array(z.string()).min(1).max(CHUNK_SIZE),
    states: z.array(z.enum(CHUNK_STATES)),
    /** Why a recipient was refused or failed, or why its outcome is unknown, by position. */
    reasons: z.record(z.string(), z.string()).default({}),
  })
  .refine((c) => c.states.length === c.contacts.length, {
    message: 'one state per recipient',
    path: ['states'],
  });
export type CampaignChunk = z.infer<typeof chunkRecord>;

/** Where a chunk is: its shard partition, wave and place. */
export interface ChunkRef {
  readonly workspaceId: string;
  readonly campaignId: string;
  readonly shard: number;
  readonly wave: number;
  readonly seq: number;
}
