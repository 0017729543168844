/**
 * The rules of a campaign's A/B test that are not the shape of its input (ab-test.schema.ts): which
 * schedules it goes with, how its variants' template versions are pinned, and what the send path
 * needs of it. Pure.
 */
import { ValidationError } from '../shared/errors.ts';
import type { AbTest } from './ab-test.schema.ts';
import type { Campaign, CampaignSchedule } from './campaign.schema.ts';

/**
 * A recipient-local schedule sends in waves by time zone; an A/B test sends in two waves of its own
 * (the test, then the winner to the rest). The two do not combine: refused, naming the field given
 * last (`what`).
 */
export const assertAbSchedule = (
  abTest: AbTest | undefined,
  schedule: CampaignSchedule | undefined,
  what: 'abTest' | 'type',
): void => {
  if (abTest && schedule?.type === 'recipientLocal')
    throw new ValidationError(
      'an A/B test cannot be sent on a recipient-local schedule (its waves are time zones); schedule it at one moment',
      [
        {
          path: what,
          message:
            what === 'abTest'
              ? 'is not allowed with a recipient-local schedule; schedule the campaign at one moment first'
              : 'recipientLocal is not allowed for a campaign with an A/B test; use `at`',
        },
      ],
    );
};

/** The A/B test with each variant's own template version pinned (`versions` from checkReferences). */
export const pinVariants = (abTest: AbTest, versions: readonly (number | undefined)[]): AbTest => ({
  ...abTest,
  variants: abTest.variants.map((v, i) => {
    const version = versions[i];
    return v.template && version !== undefined ? { ...v, template: { ...v.template, version } } : v;
  }),
});

/** A variant as the send path sends it: its template version and, when it has one, its subject. */
export interface VariantToSend {
  readonly template: { readonly templateId: string; readonly version: number };
  readonly subject?: string | undefined;
}

/** What the send path needs of a campaign's A/B test. */
export interface AbTestToSend {
  readonly variants: readonly VariantToSend[];
  /** The winner once decided: what the rest of the audience (wave 1) is sent. */
  readonly winner?: number | undefined;
}

/**
 * The A/B test of a campaign that is sending (its versions pinned) as the send path takes it, or
 * undefined when it has none. A variant without its own template sends the campaign's.
 */
export const abTestToSend = (campaign: Pick<Campaign, 'abTest' | 'template'>): AbTestToSend | undefined => {
  const ab = campaign.abTest;
  if (!ab) return undefined;
  const pinnedOf = (t: { templateId: string; version?: number | undefined }) => {
    if (t.version === undefined)
      throw new Error(`template ${t.templateId} of a sending campaign is not pinned`);
    return { templateId: t.templateId, version: t.version };
  };
  return {
    variants: ab.variants.map((v) => ({
      template: pinnedOf(v.template ?? campaign.template),
      ...(v.subject !== undefined ? { subject: v.subject } : {}),
    })),
    ...(ab.winner !== undefined ? { winner: ab.winner } : {}),
  };
};
