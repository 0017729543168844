/**
 * An SES event as it arrives on the account's default EventBridge bus: the EventBridge envelope
 * (source `aws.ses`, detail-type `Email Bounced`...) around the SES event record SES documents
 * ("Contents of event data that Amazon SES publishes"). Objects are not strict: SES adds fields over
 * time, and what ecrm does not read must not make an event fail. Fields SES sends as `null` or leaves
 * out are `nullish`.
 */
import * as z from 'zod';

export const SES_EVENT_SOURCE = 'aws.ses';

/** SES `eventType` → the EventBridge detail-type SES publishes it under. */
export const SES_DETAIL_TYPES = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
  Open: 'Email Opened',
  Click: 'Email Clicked',
  'Rendering Failure': 'Email Rendering Failed',
  DeliveryDelay: 'Email Delivery Delayed',
  Subscription: 'Email Subscribed',
} as const;
export type SesEventType = keyof typeof SES_DETAIL_TYPES;

const text = z.string();
const optionalText = z.string().nullish();

const mail = z.object({
  timestamp: text,
  /** SES's MessageId (not ecrm's: that one is in the tags). */
  messageId: text,
  source: optionalText,
  sourceArn: optionalText,
  sendingAccountId: optionalText,
  destination: z.array(text),
  headersTruncated: z.boolean().nullish(),
  headers: z.array(z.object({ name: text, value: text })).nullish(),
  commonHeaders: z.record(text, z.unknown()).nullish(),
  /** Every tag of the message, each a list of values (`ses:configuration-set`, ecrm's own...). */
  tags: z.record(text, z.array(text)).default({}),
});

const bounce = z.object({
  bounceType: z.enum(['Undetermined', 'Transient', 'Permanent']),
  bounceSubType: text,
  bouncedRecipients: z.array(
    z.object({
      emailAddress: text,
      action: optionalText,
      status: optionalText,
      diagnosticCode: optionalText,
    }),
  ),
  timestamp: text,
  feedbackId: text,
  reportingMTA: optionalText,
  remoteMtaIp: optionalText,
});

const complaint = z.object({
  complainedRecipients: z.array(z.object({ emailAddress: text })),
  timestamp: text,
  feedbackId: text,
  /** `null`, or `OnAccountSuppressionList` when SES did not even try. */
  complaintSubType: optionalText,
  userAgent: optionalText,
  complaintFeedbackType: optionalText,
  arrivalDate: optionalText,
});

const delivery = z.object({
  timestamp: text,
  processingTimeMillis: z.number().nullish(),
  recipients: z.array(text),
  smtpResponse: optionalText,
  reportingMTA: optionalText,
  remoteMtaIp: optionalText,
});

const open = z.object({ ipAddress: optionalText, timestamp: text, userAgent: optionalText });

const click = z.object({
  ipAddress: optionalText,
  link: text,
  linkTags: z.record(text, z.array(text)).nullish(),
  timestamp: text,
  userAgent: optionalText,
});

const deliveryDelay = z.object({
  timestamp: text,
  delayType: text,
  expirationTime: optionalText,
  delayedRecipients: z.array(
    z.object({ emailAddress: text, status: optionalText, diagnosticCode: optionalText }),
  ),
  reportingMTA: optionalText,
});

export const sesEventDetailSchema = z.discriminatedUnion('eventType', [
  z.object({ eventType: z.literal('Send'), mail, send: z.record(text, z.unknown()).default({}) }),
  z.object({ eventType: z.literal('Delivery'), mail, delivery }),
  z.object({ eventType: z.literal('Bounce'), mail, bounce }),
  z.object({ eventType: z.literal('Complaint'), mail, complaint }),
  z.object({ eventType: z.literal('Reject'), mail, reject: z.object({ reason: text }) }),
  z.object({ eventType: z.literal('Open'), mail, open }),
  z.object({ eventType: z.literal('Click'), mail, click }),
  z.object({
    eventType: z.literal('Rendering Failure'),
    mail,
    failure: z.object({ errorMessage: text, templateName: optionalText }),
  }),
  z.object({ eventType: z.literal('DeliveryDelay'), mail, deliveryDelay }),
  z.object({
    eventType: z.literal('Subscription'),
    mail,
    subscription: z.record(text, z.unknown()),
  }),
]);
export type SesEventDetail = z.infer<typeof sesEventDetailSchema>;

/** The EventBridge event: envelope and detail, with the detail-type matching the detail's eventType. */
export const sesEventSchema = z
  .object({
    version: text,
    id: text,
    'detail-type': z.enum(Object.values(SES_DETAIL_TYPES)),
    source: z.literal(SES_EVENT_SOURCE),
    account: text,
    time: text,
    region: text,
    resources: z.array(text),
    detail: sesEventDetailSchema,
  })
  .refine((e) => SES_DETAIL_TYPES[e.detail.eventType] === e['detail-type'], {
    message: 'the detail-type does not match the detail eventType',
    path: ['detail-type'],
  });
export type SesEvent = z.infer<typeof sesEventSchema>;
