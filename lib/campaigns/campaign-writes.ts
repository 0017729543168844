/**
 * How the campaign use cases write: read, decide, write conditionally on the status and rev read,
 * and on a lost race read again and decide again (the decision may now be a 409), a few times at
 * most. With an `Idempotency-Key`, the key's record goes into the same transaction as the write, and a
 * request whose key is already recorded (by an earlier try, or by a parallel one that won) answers
 * with what that request made instead of working again.
 */
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { type IdempotentRequest, replayedResource, requestFingerprint } from '../shared/idempotency.ts';
import { cancellationCodes, isConditionFailure } from '../shared/table.ts';
import type { Campaign } from './campaign.schema.ts';
import type { CampaignStateDeps } from './deps.ts';

const ATTEMPTS = 4;

/** A short random wait after a lost race, so two racing requests do not collide again in step. */
export const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));

/** A use case's answer: the campaign, and whether an earlier request with the same key made it so. */
export interface CampaignOutcome {
  readonly campaign: Campaign;
  readonly replayed: boolean;
}

/** A lost race: a failed condition, or a transaction cancelled or conflicting with a parallel one. */
export const isLostRace = (error: unknown): boolean =>
  isConditionFailure(error) ||
  cancellationCodes(error).includes('TransactionConflict') ||
  (error instanceof Error && error.name === 'TransactionConflictException');

export const idempotentRequest = (
  workspaceId: string,
  key: string | undefined,
  operation: string,
  ...parts: unknown[]
): IdempotentRequest | undefined =>
  key === undefined ? undefined : { workspaceId, key, fingerprint: requestFingerprint(operation, ...parts) };

/** What an already recorded key made, or undefined when the key is new. */
export const replayOf = async (
  request: IdempotentRequest | undefined,
  deps: CampaignStateDeps,
): Promise<CampaignOutcome | undefined> => {
  if (!request) return undefined;
  if (!deps.requests) throw new Error('an idempotent request needs the idempotent requests repository');
  const record = await deps.requests.find(request.workspaceId, request.key, deps.clock.now());
  if (!record) return undefined;
  const id = replayedResource(record, request.fingerprint);
  const campaign = await deps.campaigns.get(request.workspaceId, id);
  if (!campaign)
    throw new NotFoundError(`campaign ${id}, which this Idempotency-Key was used for, no longer exists`);
  return { campaign, replayed: true };
};

/** The campaign with these optional fields removed. */
export const without = (campaign: Campaign, ...fields: readonly (keyof Campaign)[]): Campaign => {
  const copy: Record<string, unknown> = { ...campaign };
  for (const field of fields) delete copy[field];
  // Only optional fields are ever removed, so the copy is still a campaign.
  return copy as Campaign;
};

export interface Decision {
  /** The campaign after the change, without its new rev and updatedAt (set here). */
  readonly next: Campaign;
  readonly event?: DomainEvent | undefined;
}

/**
 * Change a campaign: `decide` sees the campaign as stored (and throws to refuse, e.g. a
 * CampaignStatusError), the write is conditional on its status and rev. Returns the stored result
 * and the campaign it replaced.
 */
export const changeCampaign = async (
  workspaceId: string,
  campaignId: string,
  decide: (campaign: Campaign, now: Date) => Promise<Decision> | Decision,
  deps: CampaignStateDeps,
  request?: IdempotentRequest,
): Promise<CampaignOutcome & { readonly before?: Campaign }> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const replayed = await replayOf(request, deps);
    if (replayed) return replayed;
    const before = await deps.campaigns.get(workspaceId, campaignId);
    if (!before) throw new NotFoundError(`no campaign ${campaignId}`);
    const now = deps.clock.now();
    let decision: Decision;
    try {
      decision = await decide(before, now);
    } catch (error) {
      // A parallel request with the same key may have won between the replay check and the read (its
      // key record is written with the change it made): then this one is its replay, not a refusal.
      const replayedNow = await replayOf(request, deps);
      if (replayedNow) return replayedNow;
      throw error;
    }
    const { next, event } = decision;
    const stored: Campaign = { ...next, updatedAt: now.toISOString(), rev: before.rev + 1 };
    try {
      await deps.campaigns.replace(
        stored,
        { status: before.status, rev: before.rev },
        event,
        request && deps.requests ? [deps.requests.recordItem(request, campaignId, now)] : [],
      );
      return { campaign: stored, replayed: false, before };
    } catch (error) {
      if (!isLostRace(error)) throw error;
      await backOff(attempt);
    }
  }
  throw new ConflictError('the campaign kept changing meanwhile; read it again and retry');
};
