/**
 * What the campaign wizard sends, built from what it holds: the campaign's body (create, or the
 * change of the draft it already created when a later call failed), the schedule's body, and which
 * step shows the fields an API error names (so the message appears next to its field). Pure.
 */
import type { BodyOf } from '../../api/types.ts';
import { type AbTestForm, abTestBody } from './ab-test-form.ts';

export type CreateCampaignBody = BodyOf<'/v1/campaigns', 'post'>;
export type UpdateCampaignBody = BodyOf<'/v1/campaigns/{campaignId}', 'patch'>;
export type ScheduleBody = BodyOf<'/v1/campaigns/{campaignId}/schedule', 'post'>;
export type When = 'now' | 'at' | 'recipientLocal';

export interface WizardState {
  readonly name: string;
  readonly segmentId: string;
  readonly templateId: string;
  readonly abTest: AbTestForm;
  readonly when: When;
  /** `YYYY-MM-DDTHH:mm`, as a datetime-local field gives it. */
  readonly at: string;
  readonly timeZone: string;
  readonly localDate: string;
  readonly localTime: string;
}

export const createCampaignBody = (s: WizardState): CreateCampaignBody => {
  const abTest = abTestBody(s.abTest);
  return {
    name: s.name,
    template: { templateId: s.templateId },
    audience: { segments: { include: [s.segmentId] } },
    ...(abTest ? { abTest } : {}),
  };
};

/** The same campaign as a change of the draft created before: the A/B test cleared when now off. */
export const updateCampaignBody = (s: WizardState): UpdateCampaignBody => {
  const { abTest, ...rest } = createCampaignBody(s);
  return { ...rest, abTest: abTest ?? null };
};

/** The schedule's body, or undefined to send now. */
export const scheduleBody = (s: WizardState): ScheduleBody | undefined =>
  s.when === 'now'
    ? undefined
    : s.when === 'at'
      ? { type: 'at', at: s.at, timeZone: s.timeZone }
      : { type: 'recipientLocal', date: s.localDate, time: s.localTime };

/** A recipient-local schedule sends in time-zone waves, which an A/B test cannot share (ab-test.ts). */
export const scheduleChoices = (abTestOn: boolean): When[] =>
  abTestOn ? ['now', 'at'] : ['now', 'at', 'recipientLocal'];

/** The wizard's steps, and the API fields (first segment of an issue's path) each one shows. */
export const WIZARD_STEPS = [
  { key: 'wizard.audience', fields: ['name', 'audience'] },
  { key: 'wizard.content', fields: ['template', 'topic', 'senderDomain', 'abTest'] },
  { key: 'wizard.schedule', fields: ['type', 'at', 'timeZone', 'date', 'time'] },
  { key: 'wizard.review', fields: [] },
] as const;

/** The first step showing a field an issue names (`abTest.variants[1].subject` → the content step). */
export const stepOfIssues = (paths: readonly string[]): number | undefined => {
  const roots = new Set(paths.map((p) => p.split(/[.[]/)[0] ?? ''));
  const index = WIZARD_STEPS.findIndex((step) => step.fields.some((f) => roots.has(f)));
  return index < 0 ? undefined : index;
};
