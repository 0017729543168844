/**
 * What the campaign wizard sends: the A/B test built from the form (variant A the campaign itself,
 * the others a subject and/or a template, minutes from the chosen unit), accepted by the API's own
 * schema; the create and update bodies; the schedule; and the step that shows a field the API named.
 */
import { describe, expect, it } from 'vitest';
import { abTestInput } from '../../lib/campaigns/ab-test.schema.ts';
import { createCampaignBody as serverCreateBody } from '../../lib/campaigns/campaign.schema.ts';
import {
  type AbTestForm,
  abTestBody,
  addVariant,
  decideAfterMinutes,
  INITIAL_AB_TEST_FORM,
  removeVariant,
  testableEmails,
  updateVariant,
  variantLabel,
} from '../src/pages/campaigns/ab-test-form.ts';
import {
  createCampaignBody,
  scheduleBody,
  scheduleChoices,
  stepOfIssues,
  updateCampaignBody,
  type WizardState,
} from '../src/pages/campaigns/wizard-body.ts';

const SEGMENT = 'sg_01hzz00000000000000000000a';
const on = (change: Partial<AbTestForm> = {}): AbTestForm => ({
  ...INITIAL_AB_TEST_FORM,
  enabled: true,
  ...change,
});

const state = (change: Partial<WizardState> = {}): WizardState => ({
  name: 'Spring sale',
  segmentId: SEGMENT,
  templateId: 'spring-sale',
  abTest: INITIAL_AB_TEST_FORM,
  when: 'now',
  at: '',
  timeZone: 'Europe/Madrid',
  localDate: '',
  localTime: '09:00',
  ...change,
});

describe('the A/B test of the wizard', () => {
  it('is off by default and then sends no abTest', () => {
    expect(INITIAL_AB_TEST_FORM.enabled).toBe(false);
    expect(abTestBody(INITIAL_AB_TEST_FORM)).toBeUndefined();
    expect(createCampaignBody(state())).not.toHaveProperty('abTest');
  });

  it('builds two subject variants the API accepts, variant A keeping its template', () => {
    let form = on({ testShare: '20', metric: 'clickRate', decideAfter: '2', decideUnit: 'hours' });
    form = updateVariant(form, 0, { subject: '  Spring is here  ' });
    form = updateVariant(form, 1, { subject: 'Last days of spring' });

    const body = abTestBody(form);

    expect(body).toEqual({
      variants: [{ subject: 'Spring is here' }, { subject: 'Last days of spring' }],
      testShare: 20,
      metric: 'clickRate',
      decideAfterMinutes: 120,
    });
    expect(abTestInput.safeParse(body).success).toBe(true);
  });

  it('gives a variant another template, and never variant A', () => {
    let form = updateVariant(on(), 0, { templateId: 'other' });
    form = updateVariant(form, 1, { templateId: 'spring-sale-b' });
    expect(abTestBody(form)?.variants).toEqual([{}, { template: { templateId: 'spring-sale-b' } }]);
  });

  it('leaves to the API what it refuses, so its message shows next to the field', () => {
    const issuesOf = (form: AbTestForm) =>
      abTestInput
        .safeParse(JSON.parse(JSON.stringify(abTestBody(form))))
        .error?.issues.map((i) => i.path.join('.')) ?? [];
    const noShare = on({ testShare: '', decideAfter: '10', decideUnit: 'minutes' });
    expect(abTestBody(noShare)?.testShare).toBeNaN();
    // No share, and 10 minutes (under half an hour).
    expect(issuesOf(noShare)).toEqual(['testShare', 'decideAfterMinutes']);
    // Variant B names neither a subject nor a template (and so is the same as A).
    expect(new Set(issuesOf(on()))).toEqual(new Set(['variants.1']));
  });

  it('converts the decision delay to whole minutes', () => {
    expect(decideAfterMinutes({ decideAfter: '1.5', decideUnit: 'hours' })).toBe(90);
    expect(decideAfterMinutes({ decideAfter: '7', decideUnit: 'days' })).toBe(10_080);
    expect(decideAfterMinutes({ decideAfter: '0.7', decideUnit: 'hours' })).toBe(42);
    expect(decideAfterMinutes({ decideAfter: 'soon', decideUnit: 'hours' })).toBeNaN();
  });

  it('keeps between 2 and 4 variants, and A in first place', () => {
    const four = addVariant(addVariant(on()));
    expect(four.variants).toHaveLength(4);
    expect(addVariant(four).variants).toHaveLength(4);
    expect(removeVariant(four, 0)).toBe(four);
    expect(removeVariant(on(), 1).variants).toHaveLength(2);
    const three = removeVariant(updateVariant(four, 2, { subject: 'C' }), 1);
    expect(three.variants.map((v) => v.subject)).toEqual(['', 'C', '']);
    expect([0, 1, 2, 3].map(variantLabel)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('offers the test send each variant as the test would send it, or the campaign’s email', () => {
    let form = updateVariant(on(), 1, { templateId: 'b', subject: ' Two ' });
    form = updateVariant(addVariant(form), 2, { subject: 'Three' });
    expect(testableEmails('a', form)).toEqual([
      { variant: 0, templateId: 'a', subject: '' },
      { variant: 1, templateId: 'b', subject: 'Two' },
      { variant: 2, templateId: 'a', subject: 'Three' },
    ]);
    expect(testableEmails('a', { ...form, enabled: false })).toEqual([{ templateId: 'a', subject: '' }]);
  });
});

describe('the bodies the wizard sends', () => {
  it('creates the campaign with its A/B test, a body the API accepts', () => {
    const ab = updateVariant(updateVariant(on(), 0, { subject: 'One' }), 1, { subject: 'Two' });
    const body = createCampaignBody(state({ abTest: ab }));
    expect(body).toMatchObject({
      name: 'Spring sale',
      template: { templateId: 'spring-sale' },
      audience: { segments: { include: [SEGMENT] } },
      abTest: { variants: [{ subject: 'One' }, { subject: 'Two' }] },
    });
    expect(serverCreateBody.safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('changes the draft on a second try, clearing an A/B test turned off', () => {
    expect(updateCampaignBody(state())).toMatchObject({ name: 'Spring sale', abTest: null });
    expect(updateCampaignBody(state({ abTest: on() })).abTest).toMatchObject({ testShare: 20 });
  });

  it('schedules now, at a time in a zone, or at each recipient’s local time', () => {
    expect(scheduleBody(state())).toBeUndefined();
    expect(scheduleBody(state({ when: 'at', at: '2026-12-01T09:30' }))).toEqual({
      type: 'at',
      at: '2026-12-01T09:30',
      timeZone: 'Europe/Madrid',
    });
    expect(scheduleBody(state({ when: 'recipientLocal', localDate: '2026-12-01' }))).toEqual({
      type: 'recipientLocal',
      date: '2026-12-01',
      time: '09:00',
    });
  });

  it('does not offer the recipient-local schedule with an A/B test (the API refuses the two together)', () => {
    expect(scheduleChoices(false)).toEqual(['now', 'at', 'recipientLocal']);
    expect(scheduleChoices(true)).toEqual(['now', 'at']);
  });

  it('goes back to the step showing the field the API named', () => {
    expect(stepOfIssues(['name'])).toBe(0);
    expect(stepOfIssues(['audience.segments.include'])).toBe(0);
    expect(stepOfIssues(['abTest.variants[1].subject'])).toBe(1);
    expect(stepOfIssues(['at', 'abTest.testShare'])).toBe(1);
    expect(stepOfIssues(['timeZone'])).toBe(2);
    expect(stepOfIssues(['something.else'])).toBeUndefined();
    expect(stepOfIssues([])).toBeUndefined();
  });
});
