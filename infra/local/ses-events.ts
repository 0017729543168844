/**
 * SES email sending events in the shape SES publishes them to the EventBridge default bus ("Monitoring
 * SES events using Amazon EventBridge"): source `aws.ses`, a detail-type per event (`Email Sent`,
 * `Email Delivered`, ...), and as detail the event record of "Examples of event data that Amazon SES
 * publishes": `eventType`, `mail` (with the message tags as lists of strings, plus SES's own
 * `ses:*` tags) and the type's own object. Pure: time and ids are given.
 */
import {
  type SesEventType as FeedbackEventType,
  SES_DETAIL_TYPES,
} from '../../lib/email/feedback/ses-event.schema.ts';
import type { BusEvent } from './put-events.ts';

/** What the local SES accepted: the part of a message every event of it repeats in `mail`. */
export interface AcceptedMail {
  readonly messageId: string;
  /** The From address as sent (`"Brand" <news@mail.brand.example>`). */
  readonly source: string;
  /** The identity that allowed the send (`arn:aws:ses:<region>:<account>:identity/<name>`). */
  readonly sourceArn: string;
  readonly destination: readonly string[];
  readonly subject?: string | undefined;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  /** Message tags as sent (EmailTags / DefaultEmailTags + ReplacementTags). */
  readonly tags: Readonly<Record<string, string>>;
  readonly configurationSet: string;
  readonly at: Date;
}

export interface SesEventContext {
  readonly region: string;
  readonly account: string;
  readonly now: Date;
  readonly newId: () => string;
}

/** The event types the local SES publishes (all of SES's but subscription management). */
export type SesEventType = Exclude<FeedbackEventType, 'Subscription'>;

/** The detail-type EventBridge carries for each SES event type: the feedback loop's own table. */
export const DETAIL_TYPES: Readonly<Record<SesEventType, string>> = SES_DETAIL_TYPES;

/** The key of the event's own object in the detail (`bounce`, `delivery`, `failure`...). */
const OBJECT_KEYS: Readonly<Record<SesEventType, string>> = {
  Send: 'send',
  Delivery: 'delivery',
  Bounce: 'bounce',
  Complaint: 'complaint',
  Reject: 'reject',
  Open: 'open',
  Click: 'click',
  'Rendering Failure': 'failure',
  DeliveryDelay: 'deliveryDelay',
};

const LOCAL_IP = '127.0.0.1';
const REPORTING_MTA = 'a8-70.smtp-out.local.amazonses.com';

/** `Name <a@b>` or `a@b` → `a@b`. */
export const bareAddress = (address: string): string => (/<([^>]+)>/.exec(address)?.[1] ?? address).trim();

const domainOf = (address: string): string => bareAddress(address).split('@').pop()?.toLowerCase() ?? '';

const iso = (d: Date): string => d.toISOString();

/** SES's `mail` object: headers, common headers and tags (custom and `ses:*`), as lists of strings. */
const mailObject = (mail: AcceptedMail, ctx: SesEventContext, type: SesEventType) => {
  const tags: Record<string, string[]> = {
    'ses:configuration-set': [mail.configurationSet],
    'ses:source-ip': [LOCAL_IP],
    'ses:from-domain': [domainOf(mail.source)],
    'ses:caller-identity': ['local'],
  };
  if (type === 'Delivery' || type === 'Bounce' || type === 'Complaint' || type === 'DeliveryDelay') {
    tags['ses:outgoing-ip'] = [LOCAL_IP];
  }
  for (const [name, value] of Object.entries(mail.tags)) tags[name] = [value];
  const to = mail.destination;
  return {
    timestamp: iso(mail.at),
    source: mail.source,
    sourceArn: mail.sourceArn,
    sendingAccountId: ctx.account,
    messageId: mail.messageId,
    destination: [...to],
    headersTruncated: false,
    headers: [
      { name: 'From', value: mail.source },
      { name: 'To', value: to.join(', ') },
      ...(mail.subject === undefined ? [] : [{ name: 'Subject', value: mail.subject }]),
      { name: 'MIME-Version', value: '1.0' },
      ...mail.headers.map((h) => ({ name: h.name, value: h.value })),
    ],
    commonHeaders: {
      from: [mail.source],
      to: [...to],
      messageId: mail.messageId,
      ...(mail.subject === undefined ? {} : { subject: mail.subject }),
    },
    tags,
  };
};

/** One SES event, wrapped as EventBridge delivers it from the default bus. */
export const sesEvent = (
  type: SesEventType,
  mail: AcceptedMail,
  object: Record<string, unknown>,
  ctx: SesEventContext,
): BusEvent => ({
  version: '0',
  id: ctx.newId(),
  'detail-type': DETAIL_TYPES[type],
  source: 'aws.ses',
  account: ctx.account,
  time: iso(new Date(Math.floor(ctx.now.getTime() / 1000) * 1000)).replace('.000Z', 'Z'),
  region: ctx.region,
  resources: [`arn:aws:ses:${ctx.region}:${ctx.account}:configuration-set/${mail.configurationSet}`],
  detail: { eventType: type, mail: mailObject(mail, ctx, type), [OBJECT_KEYS[type]]: object },
});

const feedbackId = (ctx: SesEventContext): string =>
  `0100${ctx.now.getTime().toString(16)}-${ctx.newId()}-000000`;

export const sendObject = (): Record<string, unknown> => ({});

export const deliveryObject = (recipients: readonly string[], ctx: SesEventContext, mail: AcceptedMail) => ({
  timestamp: iso(ctx.now),
  processingTimeMillis: Math.max(0, ctx.now.getTime() - mail.at.getTime()),
  recipients: [...recipients],
  smtpResponse: '250 2.6.0 Message received',
  reportingMTA: REPORTING_MTA,
  remoteMtaIp: LOCAL_IP,
});

export interface BouncedRecipient {
  readonly emailAddress: string;
  readonly status: string;
  readonly diagnosticCode: string;
}

export const bounceObject = (
  bounce: {
    readonly bounceType: 'Permanent' | 'Transient' | 'Undetermined';
    readonly bounceSubType: string;
    readonly recipients: readonly BouncedRecipient[];
  },
  ctx: SesEventContext,
) => ({
  bounceType: bounce.bounceType,
  bounceSubType: bounce.bounceSubType,
  bouncedRecipients: bounce.recipients.map((r) => ({
    emailAddress: r.emailAddress,
    action: 'failed',
    status: r.status,
    diagnosticCode: r.diagnosticCode,
  })),
  timestamp: iso(ctx.now),
  feedbackId: feedbackId(ctx),
  reportingMTA: `dns; ${REPORTING_MTA}`,
});

export const complaintObject = (recipients: readonly string[], ctx: SesEventContext) => ({
  complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
  timestamp: iso(ctx.now),
  feedbackId: feedbackId(ctx),
  userAgent: 'Amazon SES Mailbox Simulator',
  complaintFeedbackType: 'abuse',
  arrivalDate: iso(ctx.now),
});

export interface EngagementDetails {
  readonly ipAddress?: string | undefined;
  readonly userAgent?: string | undefined;
}

const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

export const openObject = (details: EngagementDetails, ctx: SesEventContext) => ({
  ipAddress: details.ipAddress ?? '192.0.2.1',
  timestamp: iso(ctx.now),
  userAgent: details.userAgent ?? DEFAULT_USER_AGENT,
});

export const clickObject = (
  link: string,
  details: EngagementDetails & { readonly linkTags?: Readonly<Record<string, readonly string[]>> },
  ctx: SesEventContext,
) => ({
  ipAddress: details.ipAddress ?? '192.0.2.1',
  timestamp: iso(ctx.now),
  userAgent: details.userAgent ?? DEFAULT_USER_AGENT,
  link,
  ...(details.linkTags ? { linkTags: details.linkTags } : {}),
});

/**
 * The object of an event a test injects for an accepted message: `fields` over a default SES could
 * have sent (a Bounce defaults to a transient one; Open and Click take `ipAddress`, `userAgent`, `link`).
 */
export const injectedObject = (
  type: SesEventType,
  mail: AcceptedMail,
  fields: Readonly<Record<string, unknown>>,
  ctx: SesEventContext,
): Record<string, unknown> => {
  const str = (k: string) => (typeof fields[k] === 'string' ? String(fields[k]) : undefined);
  const details = { ipAddress: str('ipAddress'), userAgent: str('userAgent') };
  const to = mail.destination.map(bareAddress);
  const defaults: Record<SesEventType, () => Record<string, unknown>> = {
    Send: sendObject,
    Delivery: () => deliveryObject(to, ctx, mail),
    Bounce: () =>
      bounceObject(
        {
          bounceType: 'Transient',
          bounceSubType: 'General',
          recipients: to.map((emailAddress) => ({
            emailAddress,
            status: '4.4.7',
            diagnosticCode: 'smtp; 421 4.4.7 mailbox temporarily unavailable',
          })),
        },
        ctx,
      ),
    Complaint: () => complaintObject(to, ctx),
    Reject: () => ({ reason: 'Bad content' }),
    Open: () => openObject(details, ctx),
    Click: () => clickObject(str('link') ?? 'https://example.com/', details, ctx),
    'Rendering Failure': () => ({ errorMessage: 'Attribute name is missing', templateName: 'local' }),
    DeliveryDelay: () => ({
      delayType: 'TransientCommunicationFailure',
      expirationTime: new Date(ctx.now.getTime() + 86_400_000).toISOString(),
      delayedRecipients: to.map((emailAddress) => ({
        emailAddress,
        status: '4.4.1',
        diagnosticCode: 'smtp; 421 4.4.1 Unable to connect',
      })),
      timestamp: ctx.now.toISOString(),
    }),
  };
  const base = defaults[type]();
  return type === 'Open' || type === 'Click' ? base : { ...base, ...fields };
};
