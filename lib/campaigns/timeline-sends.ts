/**
 * A contact's campaign emails as its timeline shows them, read rather than written: a campaign records
 * its recipients in its chunks, not one item each (README, Campaigns: the cost target), so the email
 * a campaign sent a contact is found at read time:
 * - the campaigns launched in the span of time the timeline page covers (one Query of the launches);
 * - per campaign, the contact's place in its audience snapshot (recipient-chunk.ts: a binary search,
 *   ~log2(pages) + 1 reads), and its state there: sent, refused (with why) or failed. A recipient not
 *   settled yet (pending, in flight, cancelled) shows nothing.
 *
 * Each becomes the entry the email's first SES feedback would write (first-feedback.ts), at the same
 * key (its message id is derived from the campaign and the contact): the timeline shows one entry per
 * campaign email, stored or not, and the stored one (with its opens and clicks) wins.
 */
import { type EmailMessage, messageCreatedAt } from '../email/message.schema.ts';
import type { TimelineEntry } from '../events/timeline.schema.ts';
import type { LaunchesRepository } from './launches.repository.ts';
import { campaignMessageId } from './send/campaign-message-id.ts';
import type { ChunkState } from './send/chunk.schema.ts';
import type { ChunksRepository } from './send/chunks.repository.ts';
import { findRecipient } from './send/recipient-chunk.ts';
import type { CampaignToSend } from './send/send-chunk.ts';
import { variantGroups } from './send/variant-groups.ts';

export interface TimelineSendsDeps {
  readonly launches: Pick<LaunchesRepository, 'between'>;
  readonly campaign: (workspaceId: string, campaignId: string) => Promise<CampaignToSend | undefined>;
  readonly chunks: Pick<ChunksRepository, 'get' | 'last'>;
}

/** A span of launch times, ISO, both ends included; an absent end is open. */
export interface LaunchSpan {
  readonly from?: string | undefined;
  readonly until?: string | undefined;
}

/** What a settled recipient's chunk state shows as; the rest shows nothing yet. */
const SHOWN: Partial<Record<ChunkState, EmailMessage['status']>> = {
  s: 'sent',
  r: 'refused',
  k: 'refused',
  f: 'failed',
};

/** Campaigns looked up at once for one page. */
const PARALLEL = 8;

export const campaignSendsOn = async (
  workspaceId: string,
  contactId: string,
  span: LaunchSpan,
  deps: TimelineSendsDeps,
): Promise<TimelineEntry[]> => {
  const launches = await deps.launches.between(workspaceId, span.from, span.until);
  const out: TimelineEntry[] = [];
  for (let i = 0; i < launches.length; i += PARALLEL) {
    const found = await Promise.all(
      launches
        .slice(i, i + PARALLEL)
        .map(({ campaignId }) => sendOf(workspaceId, contactId, campaignId, deps)),
    );
    for (const entry of found) if (entry) out.push(entry);
  }
  return out;
};

const sendOf = async (
  workspaceId: string,
  contactId: string,
  campaignId: string,
  deps: TimelineSendsDeps,
): Promise<TimelineEntry | undefined> => {
  const campaign = await deps.campaign(workspaceId, campaignId);
  if (!campaign) return undefined;
  const place = await findRecipient(deps.chunks, workspaceId, campaignId, contactId);
  if (!place) return undefined;
  const { chunk, index } = place;
  const state = chunk.states[index];
  const status = state === undefined ? undefined : SHOWN[state];
  if (status === undefined) return undefined;
  const plan = variantGroups(
    [index],
    chunk.waves[index] ?? 0,
    chunk.variants,
    campaign.template,
    campaign.abTest,
  );
  const group = 'groups' in plan ? plan.groups[0] : undefined;
  const template = group?.template ?? campaign.template;
  const messageId = campaignMessageId(campaignId, new Date(campaign.startedAt), contactId);
  const occurredAt = messageCreatedAt(messageId);
  const reason = chunk.reasons[String(index)];
  const email: EmailMessage = {
    messageId,
    kind: 'marketing',
    origin: 'campaign',
    originId: campaignId,
    ...(group?.variant !== undefined ? { variant: group.variant } : {}),
    templateId: template.templateId,
    version: template.version,
    ...(group?.subject !== undefined ? { subject: group.subject } : {}),
    status,
    ...(status !== 'sent' && reason !== undefined ? { reason } : {}),
    seen: [],
    at: { [status]: occurredAt },
  };
  return {
    type: 'timelineEntry',
    v: 1,
    eventId: messageId,
    name: 'email',
    kind: 'email',
    occurredAt,
    properties: {},
    // Never stored: the reader drops what is past the workspace's retention before it gets here.
    ttl: 0,
    email,
  };
};
