/**
 * The campaign's state machine, as data. Every status change a use case makes is one of these actions;
 * an action from a status it does not start from is refused with a ConflictError naming the status.
 * Pure: no I/O, no clock.
 *
 *   draft ──schedule──> scheduled ──schedule (reschedule)──> scheduled
 *   draft ──start─────> sending      scheduled ──unschedule──> draft
 *   scheduled ──start | launch (its timer)──> sending        scheduled ──cancel──> cancelled
 *   sending ──pause──> paused ──resume──> sending            sending | paused ──cancel──> cancelled
 *   sending ──finish──> sent          sending ──fail──> failed
 *
 * Edits (name, template, audience, topic, UTM, sender) are allowed in draft and scheduled; deleting
 * only in draft. sent, cancelled and failed are final.
 */
import { ConflictError } from '../shared/errors.ts';
import type { CampaignStatus } from './campaign.schema.ts';

export const CAMPAIGN_ACTIONS = [
  'schedule',
  'unschedule',
  'start',
  'launch',
  'pause',
  'resume',
  'cancel',
  'finish',
  'fail',
] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

interface Move {
  readonly from: readonly CampaignStatus[];
  readonly to: CampaignStatus;
}

export const MOVES: { readonly [A in CampaignAction]: Move } = {
  schedule: { from: ['draft', 'scheduled'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  start: { from: ['draft', 'scheduled'], to: 'sending' },
  /** The scheduled time came (the `campaign-launch` timer). */
  launch: { from: ['scheduled'], to: 'sending' },
  pause: { from: ['sending'], to: 'paused' },
  resume: { from: ['paused'], to: 'sending' },
  cancel: { from: ['scheduled', 'sending', 'paused'], to: 'cancelled' },
  /** The send pipeline's end: every recipient has a final state. */
  finish: { from: ['sending'], to: 'sent' },
  fail: { from: ['sending'], to: 'failed' },
};

/** Statuses in which the campaign's content and audience may still change. */
export const EDITABLE: readonly CampaignStatus[] = ['draft', 'scheduled'];
/** Statuses from which a campaign may be deleted. */
export const DELETABLE: readonly CampaignStatus[] = ['draft'];
export const FINAL: readonly CampaignStatus[] = ['sent', 'cancelled', 'failed'];

export class CampaignStatusError extends ConflictError {
  constructor(
    readonly action: string,
    readonly status: CampaignStatus,
    allowed: readonly CampaignStatus[],
  ) {
    super(
      `cannot ${action} a campaign that is ${status}` +
        (allowed.length > 0 ? ` (only when ${allowed.join(' or ')})` : ''),
    );
  }
}

/** The status an action leads to from `status`; throws CampaignStatusError when it is not allowed. */
export const nextStatus = (action: CampaignAction, status: CampaignStatus): CampaignStatus => {
  const move = MOVES[action];
  if (!move.from.includes(status)) throw new CampaignStatusError(action, status, move.from);
  return move.to;
};

export const canEdit = (status: CampaignStatus): boolean => EDITABLE.includes(status);

export const assertEditable = (status: CampaignStatus): void => {
  if (!canEdit(status)) throw new CampaignStatusError('edit', status, EDITABLE);
};

export const assertDeletable = (status: CampaignStatus): void => {
  if (!DELETABLE.includes(status)) throw new CampaignStatusError('delete', status, DELETABLE);
};
