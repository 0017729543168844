/**
 * The wizard's A/B test as the marketer fills it in, and the `abTest` of the campaign body built from
 * it (lib/campaigns/ab-test.schema.ts): 2 to 4 variants, variant A being the campaign itself (its
 * template; another subject at most), each other one another subject, another template, or both. The
 * numbers are sent as typed: the API judges them and its messages are shown next to the fields. Pure.
 */
import type { BodyOf } from '../../api/types.ts';

export type AbTestBody = NonNullable<BodyOf<'/v1/campaigns', 'post'>['abTest']>;
export type AbMetric = AbTestBody['metric'];

/** A copy of the server's list (console/test/server-lists.test.ts keeps them equal). */
export const AB_METRICS = ['openRate', 'clickRate', 'revenue'] as const satisfies readonly AbMetric[];
export const MAX_AB_VARIANTS = 4;
export const MIN_AB_VARIANTS = 2;

export const DECIDE_UNITS = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type DecideUnit = keyof typeof DECIDE_UNITS;
export const isDecideUnit = (value: string): value is DecideUnit => Object.hasOwn(DECIDE_UNITS, value);
export const isAbMetric = (value: string): value is AbMetric =>
  (AB_METRICS as readonly string[]).includes(value);

export interface VariantForm {
  /** Empty: the template's own subject. */
  readonly subject: string;
  /** Empty: the campaign's template. */
  readonly templateId: string;
}

export interface AbTestForm {
  readonly enabled: boolean;
  readonly variants: readonly VariantForm[];
  /** Percent of the audience, as typed. */
  readonly testShare: string;
  readonly metric: AbMetric;
  /** In `decideUnit`s, as typed. */
  readonly decideAfter: string;
  readonly decideUnit: DecideUnit;
}

const EMPTY_VARIANT: VariantForm = { subject: '', templateId: '' };

/** Off, with what an A/B test usually is once turned on: two variants, 20 %, opens, after 4 hours. */
export const INITIAL_AB_TEST_FORM: AbTestForm = {
  enabled: false,
  variants: [EMPTY_VARIANT, EMPTY_VARIANT],
  testShare: '20',
  metric: 'openRate',
  decideAfter: '4',
  decideUnit: 'hours',
};

/** A, B, C, D. */
export const variantLabel = (index: number): string => String.fromCharCode(65 + index);

export const addVariant = (form: AbTestForm): AbTestForm =>
  form.variants.length >= MAX_AB_VARIANTS ? form : { ...form, variants: [...form.variants, EMPTY_VARIANT] };

/** Removes variant `index` (never A, never below two). */
export const removeVariant = (form: AbTestForm, index: number): AbTestForm =>
  index === 0 || form.variants.length <= MIN_AB_VARIANTS
    ? form
    : { ...form, variants: form.variants.filter((_, i) => i !== index) };

export const updateVariant = (form: AbTestForm, index: number, change: Partial<VariantForm>): AbTestForm => ({
  ...form,
  variants: form.variants.map((v, i) => (i === index ? { ...v, ...change } : v)),
});

/** A number as typed; NaN when it is not one (sent as null, which the API names as wrong). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The minutes of `decideAfter`, whole (2.5 hours = 150). */
export const decideAfterMinutes = (form: Pick<AbTestForm, 'decideAfter' | 'decideUnit'>): number => {
  const value = numberOf(form.decideAfter) * DECIDE_UNITS[form.decideUnit];
  return Number.isFinite(value) ? Math.round(value) : Number.NaN;
};

/** The campaign's `abTest`, or undefined when the test is off. */
export const abTestBody = (form: AbTestForm): AbTestBody | undefined => {
  if (!form.enabled) return undefined;
  return {
    variants: form.variants.map((v, i) => {
      const subject = v.subject.trim();
      return {
        ...(subject !== '' ? { subject } : {}),
        ...(i > 0 && v.templateId !== '' ? { template: { templateId: v.templateId } } : {}),
      };
    }),
    testShare: numberOf(form.testShare),
    metric: form.metric,
    decideAfterMinutes: decideAfterMinutes(form),
  };
};

/** One email the test send can send: the campaign's own, or an A/B variant's (its template and subject). */
export interface TestableEmail {
  /** The variant's index, or undefined for the campaign without a test. */
  readonly variant?: number;
  readonly templateId: string;
  /** Empty: the template's own subject. */
  readonly subject: string;
}

/** What the test send can send: the campaign's email, or each variant's as the test would send it. */
export const testableEmails = (campaignTemplateId: string, form: AbTestForm): TestableEmail[] =>
  form.enabled
    ? form.variants.map((v, variant) => ({
        variant,
        templateId: variant > 0 && v.templateId !== '' ? v.templateId : campaignTemplateId,
        subject: v.subject.trim(),
      }))
    : [{ templateId: campaignTemplateId, subject: '' }];
