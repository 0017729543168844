/**
 * Creating, reading, editing and deleting campaigns. A campaign is created as a draft; it may be
 * edited while draft or scheduled (an edit of a scheduled campaign keeps its time, and pins the
 * template version again if the template changed), and deleted only while draft. Creating honours an
 * `Idempotency-Key`: the same key and body from two clients create one campaign.
 */
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { assertAbSchedule, pinVariants } from './ab-test.ts';
import { abSubjectIssues } from './ab-test-subjects.ts';
import type {
  Campaign,
  CampaignStatus,
  CreateCampaignInput,
  UpdateCampaignInput,
} from './campaign.schema.ts';
import { newCampaignId } from './campaign.schema.ts';
import { checkReferences } from './campaign-references.ts';
import { assertDeletable, assertEditable } from './campaign-transitions.ts';
import {
  backOff,
  type CampaignOutcome,
  changeCampaign,
  idempotentRequest,
  isLostRace,
  replayOf,
  without,
} from './campaign-writes.ts';
import type { CampaignDeps } from './deps.ts';

const ATTEMPTS = 3;

export const createCampaign = async (
  workspaceId: string,
  input: CreateCampaignInput,
  idempotencyKey: string | undefined,
  deps: CampaignDeps,
): Promise<CampaignOutcome> => {
  const request = idempotentRequest(workspaceId, idempotencyKey, 'createCampaign', input);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const replayed = await replayOf(request, deps);
    if (replayed) return replayed;
    const subjects = abSubjectIssues(input.abTest);
    if (subjects[0])
      throw new ValidationError(`invalid ${subjects[0].path}: ${subjects[0].message}`, subjects);
    await checkReferences(workspaceId, input, deps.references);
    const now = deps.clock.now();
    const at = now.toISOString();
    const campaign: Campaign = {
      type: 'campaign',
      v: 1,
      id: newCampaignId(now),
      workspaceId,
      name: input.name,
      status: 'draft',
      template: input.template,
      audience: input.audience,
      ...(input.topic !== undefined ? { topic: input.topic } : {}),
      ...(input.utm !== undefined ? { utm: input.utm } : {}),
      ...(input.senderDomain !== undefined ? { senderDomain: input.senderDomain } : {}),
      ...(input.abTest !== undefined ? { abTest: input.abTest } : {}),
      createdAt: at,
      updatedAt: at,
      rev: 1,
    };
    try {
      await deps.campaigns.create(
        campaign,
        request ? [deps.requests.recordItem(request, campaign.id, now)] : [],
      );
      return { campaign, replayed: false };
    } catch (error) {
      // Only a parallel request with the same key can make this create lose: the next turn replays it.
      if (!request || !isLostRace(error)) throw error;
      await backOff(attempt);
    }
  }
  throw new ConflictError('a request with this Idempotency-Key is still in progress; retry shortly');
};

export const getCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: Pick<CampaignDeps, 'campaigns'>,
): Promise<Campaign> => {
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) throw new NotFoundError(`no campaign ${campaignId}`);
  return campaign;
};

export const listCampaigns = (
  workspaceId: string,
  options: { limit: number; cursor?: string | undefined; status?: CampaignStatus | undefined },
  deps: Pick<CampaignDeps, 'campaigns'>,
) => deps.campaigns.list(workspaceId, options);

/** Apply an edit to a draft or scheduled campaign (`null` removes an optional field). */
export const updateCampaign = async (
  workspaceId: string,
  campaignId: string,
  input: UpdateCampaignInput,
  deps: CampaignDeps,
): Promise<Campaign> => {
  if (Object.keys(input).length === 0) return getCampaign(workspaceId, campaignId, deps);
  const subjects = abSubjectIssues(input.abTest);
  if (subjects[0]) throw new ValidationError(`invalid ${subjects[0].path}: ${subjects[0].message}`, subjects);
  const { campaign } = await changeCampaign(
    workspaceId,
    campaignId,
    async (before) => {
      assertEditable(before.status);
      let next: Campaign = {
        ...before,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.template !== undefined ? { template: input.template } : {}),
        ...(input.audience !== undefined ? { audience: input.audience } : {}),
        ...(input.topic ? { topic: input.topic } : {}),
        ...(input.utm ? { utm: input.utm } : {}),
        ...(input.senderDomain ? { senderDomain: input.senderDomain } : {}),
        ...(input.abTest ? { abTest: input.abTest } : {}),
      };
      const cleared = (['topic', 'utm', 'senderDomain', 'abTest'] as const).filter((f) => input[f] === null);
      next = without(next, ...cleared);
      assertAbSchedule(next.abTest, next.schedule, 'abTest');
      const { version, variantVersions } = await checkReferences(workspaceId, next, deps.references);
      // A scheduled campaign always has its versions pinned: it may launch at any moment.
      if (next.status === 'scheduled')
        next = {
          ...next,
          template: { ...next.template, version },
          ...(next.abTest ? { abTest: pinVariants(next.abTest, variantVersions) } : {}),
        };
      return { next };
    },
    deps,
  );
  return campaign;
};

/** Delete a draft. */
export const deleteCampaign = async (
  workspaceId: string,
  campaignId: string,
  deps: Pick<CampaignDeps, 'campaigns'>,
): Promise<void> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const campaign = await getCampaign(workspaceId, campaignId, deps);
    assertDeletable(campaign.status);
    try {
      await deps.campaigns.remove(workspaceId, campaignId, { status: campaign.status, rev: campaign.rev });
      return;
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
  throw new ConflictError('the campaign kept changing meanwhile; read it again and retry');
};
