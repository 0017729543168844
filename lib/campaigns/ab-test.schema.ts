/**
 * A campaign's A/B test: 2 to 4 variants (a subject, a template, or both) sent to a test share of
 * the audience, split evenly between them; after `decideAfterMinutes` from the launch the variant
 * with the best `metric` wins, and the rest of the audience (held back until then) gets the winner.
 *
 * - Variant 0 is the campaign itself: its entry may be empty (the campaign's template and subject);
 *   every other variant names a subject, a template, or both. What a variant leaves out is the
 *   campaign's.
 * - `testShare` is the percent of the whole audience in the test (all variants together), 1–50.
 * - A variant's subject is Liquid like a template's subject (one line, rendered in the recipient's
 *   locale); it replaces the subject of every locale of the template it goes with.
 * - Template versions are pinned with the campaign's own (when it is scheduled or started).
 */
import * as z from 'zod';
import { hasControlChars } from '../shared/control-chars.ts';
import { templateIdSchema, templateVersionSchema } from '../templates/template.schema.ts';

export const MAX_AB_VARIANTS = 4;
export const AB_METRICS = ['openRate', 'clickRate', 'revenue'] as const;
export const abMetricSchema = z.enum(AB_METRICS);
export type AbMetric = z.infer<typeof abMetricSchema>;

/** Minutes between the launch and the decision: half an hour to a week. */
export const AB_DECIDE_MINUTES = { min: 30, max: 10_080 } as const;

/** A subject as a marketer writes it: one line of Liquid, without control characters. */
export const variantSubjectSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((s) => !hasControlChars(s), 'the subject is one line, without control characters');

export const abVariantSchema = z.strictObject({
  subject: variantSubjectSchema
    .optional()
    .describe("the subject (Liquid) instead of the template's; default: the template's own"),
  template: z
    .strictObject({
      templateId: templateIdSchema,
      version: templateVersionSchema
        .optional()
        .describe("absent: the template's latest version when the campaign is scheduled or started"),
    })
    .optional()
    .describe("another marketing template; default: the campaign's"),
});
export type AbVariant = z.infer<typeof abVariantSchema>;

export const abTestInput = z
  .strictObject({
    variants: z
      .array(abVariantSchema)
      .min(2, 'an A/B test has at least 2 variants')
      .max(MAX_AB_VARIANTS, `an A/B test has at most ${MAX_AB_VARIANTS} variants`)
      .describe("variant 0 is the campaign's own template and subject (its entry may be `{}`)"),
    testShare: z
      .number()
      .int()
      .min(1)
      .max(50)
      .describe(
        'percent of the audience in the test, split evenly between the variants; the rest gets the winner',
      ),
    metric: abMetricSchema.describe(
      'what picks the winner: unique opens or unique clicks per email sent, or revenue',
    ),
    decideAfterMinutes: z
      .number()
      .int()
      .min(AB_DECIDE_MINUTES.min)
      .max(AB_DECIDE_MINUTES.max)
      .describe('minutes after the launch when the winner is picked and sent to the rest'),
  })
  .superRefine((ab, ctx) => {
    ab.variants.forEach((v, i) => {
      if (i > 0 && v.subject === undefined && v.template === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i],
          message: 'a variant other than the first names a subject, a template, or both',
        });
    });
    const seen = new Map<string, number>();
    ab.variants.forEach((v, i) => {
      const same = JSON.stringify([
        v.subject ?? null,
        v.template?.templateId ?? null,
        v.template?.version ?? null,
      ]);
      const first = seen.get(same);
      if (first !== undefined && i > 0)
        ctx.addIssue({ code: 'custom', path: ['variants', i], message: `is the same as variant ${first}` });
      else seen.set(same, i);
    });
  });
export type AbTestInput = z.infer<typeof abTestInput>;

/** The A/B test as stored: the input, and once decided its winner. */
export const abTestRecord = z.object({
  variants: z.array(
    z.object({
      subject: z.string().optional(),
      template: z.object({ templateId: z.string(), version: z.number().int().optional() }).optional(),
    }),
  ),
  testShare: z.number().int(),
  metric: abMetricSchema,
  decideAfterMinutes: z.number().int(),
  /** The winning variant's index, written once by the decision. */
  winner: z.number().int().min(0).optional(),
  decidedAt: z.string().optional(),
  /** The metric the decision used (`clickRate` for a `revenue` test that saw no conversion). */
  decidedBy: abMetricSchema.optional(),
});
export type AbTest = z.infer<typeof abTestRecord>;

const rateSchema = z.number().min(0).describe('per email sent, 0 to 1 (0 while none is sent)');

/** One variant's results in the test wave (`GET /v1/campaigns/{campaignId}`). */
export const abVariantResultSchema = z.strictObject({
  variant: z.number().int(),
  template: z.strictObject({ templateId: z.string(), version: z.number().int().optional() }),
  subject: z.string().optional().describe("absent: the template's own subject"),
  sent: z.number().int().describe('test-wave recipients of this variant sent'),
  opened: z.number().int().describe('of those, emails opened at least once'),
  clicked: z.number().int().describe('of those, emails with at least one click'),
  openRate: rateSchema,
  clickRate: rateSchema,
  revenue: z
    .array(
      z.strictObject({
        currency: z.string().describe('ISO 4217'),
        conversions: z.number().int(),
        revenue: z.number().int().describe("the orders' totals when placed, minor units"),
        refunded: z.number().int().describe('refunded of them since, minor units'),
      }),
    )
    .describe("orders attributed through this variant's test emails, per currency, most revenue first"),
});
export type AbVariantResult = z.infer<typeof abVariantResultSchema>;

/** The A/B test as the API shows it on a campaign. */
export const abTestViewSchema = z.strictObject({
  variants: z.array(
    z.strictObject({
      subject: z.string().optional(),
      template: z.strictObject({ templateId: z.string(), version: z.number().int().optional() }).optional(),
    }),
  ),
  testShare: z.number().int(),
  metric: abMetricSchema,
  decideAfterMinutes: z.number().int(),
  winner: z.number().int().optional().describe('the winning variant, once decided'),
  decidedAt: z.string().optional(),
  decidedBy: abMetricSchema
    .optional()
    .describe(
      'the metric the decision used: a revenue test compares revenue per email sent in the currency ' +
        'with the most conversions, and is decided by clickRate when no variant has any yet',
    ),
  decideAt: z
    .string()
    .optional()
    .describe('once launched: when the winner is (or was) picked, the launch + decideAfterMinutes'),
  results: z
    .array(abVariantResultSchema)
    .optional()
    .describe('once launched, on a single campaign (not in lists): each variant in the test wave'),
});
