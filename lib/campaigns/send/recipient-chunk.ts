/**
 * Where one contact is in a campaign's audience snapshot: its chunk and position, or nothing when the
 * campaign did not take it. A contact can only be in its own shard (`contactShardOf`), whose chunks
 * hold ascending contact ids page after page (snapshot.ts), so a binary search over the pages finds it:
 * the last page (one Query), then one GetItem per halving, about log2(pages) + 1 reads: 5 for a shop of
 * 10,000 contacts, 12 for a campaign of 1M recipients (1,250 pages a shard). Nothing is written at
 * send time for this: the send path keeps its one write per chunk.
 */
import { contactShardOf } from '../../shared/keys.ts';
import type { CampaignChunk } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';

export interface RecipientPlace {
  readonly chunk: CampaignChunk;
  /** The contact's position in the chunk's columns (`contacts`, `states`, `waves`...). */
  readonly index: number;
}

/** Reads of a probe gone astray (a shard of more pages than ids could fill): never loops for ever. */
const MAX_PROBES = 40;

export const findRecipient = async (
  chunks: Pick<ChunksRepository, 'get' | 'last'>,
  workspaceId: string,
  campaignId: string,
  contactId: string,
): Promise<RecipientPlace | undefined> => {
  const shard = contactShardOf(contactId);
  const last = await chunks.last(workspaceId, campaignId, shard, false);
  if (!last) return undefined;
  const placeIn = (chunk: CampaignChunk): RecipientPlace | undefined => {
    const index = chunk.contacts.indexOf(contactId);
    return index >= 0 ? { chunk, index } : undefined;
  };
  let low = 0;
  let high = last.page;
  let chunk: CampaignChunk | undefined = last;
  for (let probes = 0; probes < MAX_PROBES && low <= high; probes++) {
    const page: number = chunk ? chunk.page : Math.floor((low + high) / 2);
    chunk ??= await chunks.get({ workspaceId, campaignId, shard, page });
    if (!chunk) return undefined;
    const first = chunk.contacts[0] ?? '';
    const final = chunk.contacts.at(-1) ?? '';
    if (contactId < first) high = page - 1;
    else if (contactId > final) low = page + 1;
    else return placeIn(chunk);
    chunk = undefined;
  }
  return undefined;
};
