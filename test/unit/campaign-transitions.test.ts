import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../lib/campaigns/campaign.schema.ts';
import {
  assertDeletable,
  assertEditable,
  CAMPAIGN_ACTIONS,
  type CampaignAction,
  CampaignStatusError,
  nextStatus,
} from '../../lib/campaigns/campaign-transitions.ts';
import { ConflictError } from '../../lib/shared/errors.ts';

/** The design's transitions, written out again: each action, from each status it may start from. */
const allowed: Record<CampaignAction, Partial<Record<CampaignStatus, CampaignStatus>>> = {
  schedule: { draft: 'scheduled', scheduled: 'scheduled' },
  unschedule: { scheduled: 'draft' },
  start: { draft: 'sending', scheduled: 'sending' },
  launch: { scheduled: 'sending' },
  pause: { sending: 'paused' },
  resume: { paused: 'sending' },
  cancel: { scheduled: 'cancelled', sending: 'cancelled', paused: 'cancelled' },
  finish: { sending: 'sent' },
  fail: { sending: 'failed' },
};

describe('campaign transitions', () => {
  for (const action of CAMPAIGN_ACTIONS) {
    for (const status of CAMPAIGN_STATUSES) {
      const to = allowed[action][status];
      if (to) {
        it(`${action} from ${status} leads to ${to}`, () => expect(nextStatus(action, status)).toBe(to));
      } else {
        it(`${action} from ${status} is refused with a 409 naming the status`, () => {
          let thrown: unknown;
          try {
            nextStatus(action, status);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(CampaignStatusError);
          expect(thrown).toBeInstanceOf(ConflictError);
          expect(String(thrown)).toContain(`cannot ${action} a campaign that is ${status}`);
        });
      }
    }
  }

  it('the moves are exactly the design: draft → scheduled | sending; scheduled → scheduled | draft | sending | cancelled; sending → paused | sent | failed | cancelled; paused → sending | cancelled', () => {
    const edges = new Set<string>();
    for (const action of CAMPAIGN_ACTIONS)
      for (const status of CAMPAIGN_STATUSES) {
        const to = allowed[action][status];
        if (to) edges.add(`${status}→${to}`);
      }
    expect([...edges].sort()).toEqual(
      [
        'draft→scheduled',
        'draft→sending',
        'scheduled→scheduled',
        'scheduled→draft',
        'scheduled→sending',
        'scheduled→cancelled',
        'sending→paused',
        'sending→sent',
        'sending→failed',
        'sending→cancelled',
        'paused→sending',
        'paused→cancelled',
      ].sort(),
    );
  });

  it('sent, cancelled and failed are final: no action leaves them', () => {
    for (const status of ['sent', 'cancelled', 'failed'] as const)
      for (const action of CAMPAIGN_ACTIONS)
        expect(() => nextStatus(action, status)).toThrow(CampaignStatusError);
  });

  it('edits only in draft and scheduled; deletes only in draft', () => {
    for (const status of CAMPAIGN_STATUSES) {
      if (status === 'draft' || status === 'scheduled') expect(() => assertEditable(status)).not.toThrow();
      else expect(() => assertEditable(status)).toThrow(`cannot edit a campaign that is ${status}`);
      if (status === 'draft') expect(() => assertDeletable(status)).not.toThrow();
      else expect(() => assertDeletable(status)).toThrow(`cannot delete a campaign that is ${status}`);
    }
  });
});
