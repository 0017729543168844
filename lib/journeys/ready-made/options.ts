/**
 * The options marketers may set when they switch on a ready-made journey, one schema per option, so
 * each journey picks its own (with its own default) and the API documents them all in one body. A
 * value out of range is refused with the option's name as the field (`reminderAfterHours`).
 */
import * as z from 'zod';
import { localTimeSchema } from '../../shared/values/local-time.schema.ts';
import { stageNameSchema } from '../../shared/values/stage.schema.ts';

const days = (min: number, max: number) =>
  z.number().int('a whole number of days').min(min, `at least ${min}`).max(max, `at most ${max}`);

/** No email between `from` and `to` in the contact's zone; `null` for none. */
export const quietHoursOption = z
  .strictObject({ from: localTimeSchema, to: localTimeSchema })
  .refine((q) => q.from !== q.to, { message: 'quiet hours end when they start: null for none', path: ['to'] })
  .nullable()
  .describe('no email between `from` and `to` (HH:mm) in the contact’s zone; null for none');

export const DEFAULT_QUIET_HOURS = { from: '21:00', to: '08:00' } as const;

export const OPTION_SCHEMAS = {
  quietHours: quietHoursOption,
  followUpDays: days(0, 30).describe(
    'welcome: days before the second email (0: the welcome only); post-purchase: days after the order before the follow-up',
  ),
  reminderAfterHours: z
    .number()
    .int('a whole number of hours')
    .min(1, 'at least 1')
    .max(72, 'at most 72')
    .describe(
      'abandoned checkout: hours between the nudge and the reminder (23: the reminder 24 h after the checkout, with the 60-minute abandonment window)',
    ),
  reviewAfterDays: days(1, 60).describe('post-purchase: days between the follow-up and the review request'),
  oncePerDays: days(1, 3650).describe('at most one run per contact in this many days'),
  inactiveDays: days(30, 730).describe('win-back: days without an order before the email'),
  attribute: z
    .string()
    .regex(/^[A-Za-z][\w-]{0,63}$/, 'an attribute name: a letter, then letters, digits, _ or -')
    .describe('birthday: the contact attribute that holds the date (the birthday)'),
  sendAt: localTimeSchema.describe('birthday: the time of day (HH:mm) in the contact’s zone'),
  offsetDays: z
    .number()
    .int('a whole number of days')
    .min(-30, 'at least -30')
    .max(30, 'at most 30')
    .describe('birthday: days before (negative) or after the date'),
  emails: z
    .number()
    .int('a whole number')
    .min(1, 'at least 1')
    .max(5, 'at most 5')
    .describe('lead nurture: how many emails at most'),
  spacingDays: days(1, 30).describe(
    'lead nurture: days between emails (the MQL hand-off can come at any time)',
  ),
  leadStage: stageNameSchema.describe('lead nurture: the stage that starts it'),
  mqlStage: stageNameSchema.describe(
    'lead nurture: the marketing-qualified stage that hands the lead to sales',
  ),
} as const;

export type OptionName = keyof typeof OPTION_SCHEMAS;

/** The body of `POST /v1/journeys/ready-made/{name}`: every option of every journey, each optional. */
export const readyMadeOptionsBody = z
  .strictObject({
    quietHours: OPTION_SCHEMAS.quietHours.optional(),
    followUpDays: OPTION_SCHEMAS.followUpDays.optional(),
    reminderAfterHours: OPTION_SCHEMAS.reminderAfterHours.optional(),
    reviewAfterDays: OPTION_SCHEMAS.reviewAfterDays.optional(),
    oncePerDays: OPTION_SCHEMAS.oncePerDays.optional(),
    inactiveDays: OPTION_SCHEMAS.inactiveDays.optional(),
    attribute: OPTION_SCHEMAS.attribute.optional(),
    sendAt: OPTION_SCHEMAS.sendAt.optional(),
    offsetDays: OPTION_SCHEMAS.offsetDays.optional(),
    emails: OPTION_SCHEMAS.emails.optional(),
    spacingDays: OPTION_SCHEMAS.spacingDays.optional(),
    leadStage: OPTION_SCHEMAS.leadStage.optional(),
    mqlStage: OPTION_SCHEMAS.mqlStage.optional(),
  })
  .describe('the options of the journey (`GET /v1/journeys/ready-made` lists each journey’s, with defaults)');
export type ReadyMadeOptionsBody = z.infer<typeof readyMadeOptionsBody>;
