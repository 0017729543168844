/**
 * A workspace's sending domain: the SES identity (Easy DKIM, custom MAIL FROM) that its email is sent
 * from, the From address built on it, and what the API shows of it. One workspace may register several
 * domains; one of them is the default the send path uses.
 */
import * as z from 'zod';
import { hasControlChars } from '../shared/control-chars.ts';

/** A DNS host name as SES takes it for a domain identity: lower-case labels, a letter TLD, no IP. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'a domain name such as brand.example (letters, digits and -, dot-separated)',
  );

/** The local part of the From address (`news` in news@brand.example). */
export const localPartSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._+-]*[A-Za-z0-9])?$/, 'letters, digits and . _ + - (not at either end)');

/** The display name (`Brand` in "Brand" <news@brand.example>); any text, CR/LF refused. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !hasControlChars(s), 'no line breaks or control characters');

/** A label under the domain for the custom MAIL FROM domain (`mail` → mail.brand.example). */
export const mailFromLabelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'one DNS label, e.g. mail or bounce');

/** POST /v1/sender-domains */
export const addSenderDomainBody = z.strictObject({
  domain: domainSchema,
  /** Defaults to `news`. */
  fromLocalPart: localPartSchema.optional(),
  /** Defaults to the workspace's name. */
  displayName: displayNameSchema.optional(),
  /** The MAIL FROM subdomain's label; defaults to `mail`. */
  mailFromLabel: mailFromLabelSchema.optional(),
  /** Make it the domain the workspace sends from (the first domain registered always is). */
  default: z.boolean().optional(),
});
export type AddSenderDomain = z.infer<typeof addSenderDomainBody>;

/** PATCH /v1/sender-domains/{domain}: the fields given change (none: nothing changes). */
export const updateSenderDomainBody = z.strictObject({
  fromLocalPart: localPartSchema.optional(),
  displayName: displayNameSchema.optional(),
  default: z.literal(true).optional(),
});

export const senderDomainRecord = z.object({
  type: z.literal('senderDomain'),
  v: z.literal(1),
  workspaceId: z.string(),
  domain: z.string(),
  fromLocalPart: z.string(),
  displayName: z.string(),
  mailFromDomain: z.string(),
  /** The three Easy DKIM tokens SES gave (the CNAMEs to add). */
  dkimTokens: z.array(z.string()),
  /** The SES tenant the workspace sends as, where the deployment uses tenants. */
  tenantName: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SenderDomain = z.infer<typeof senderDomainRecord>;

/** The workspace's choice of default sender domain. */
export const defaultSenderDomainRecord = z.object({
  type: z.literal('defaultSenderDomain'),
  v: z.literal(1),
  domain: z.string(),
  updatedAt: z.string(),
});

export const DNS_RECORD_PURPOSES = ['dkim', 'mail-from-mx', 'spf', 'dmarc'] as const;

export const dnsRecordView = z.object({
  purpose: z.enum(DNS_RECORD_PURPOSES),
  type: z.enum(['CNAME', 'MX', 'TXT']),
  name: z.string(),
  value: z.string(),
  /** DMARC is a suggestion: keep an existing policy if the domain has one. */
  note: z.string().optional(),
});
export type DnsRecord = z.infer<typeof dnsRecordView>;

export const VERIFICATION_STATUSES = ['verified', 'pending', 'failed', 'not-started', 'missing'] as const;
export const verificationStatusSchema = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const senderDomainView = z.object({
  domain: z.string(),
  /** `"Brand" <news@brand.example>`, as email goes out. */
  from: z.string(),
  fromLocalPart: z.string(),
  displayName: z.string(),
  mailFromDomain: z.string(),
  default: z.boolean(),
  tenantName: z.string().nullable(),
  createdAt: z.string(),
  /** The records to add at the domain's DNS host. */
  dnsRecords: z.array(dnsRecordView),
});

/** What `GET /v1/sender-domains/{domain}` adds: status from SES and DMARC from DNS, looked up now. */
export const senderDomainStatusView = senderDomainView.extend({
  status: z.object({
    /** DKIM verification of the SES identity (it verifies the domain). */
    identity: verificationStatusSchema,
    mailFrom: verificationStatusSchema,
    /** The DMARC record found at `_dmarc.<domain>` (or its organisational domain), if any. */
    dmarc: z.object({ found: z.boolean(), record: z.string().nullable(), at: z.string().nullable() }),
    /** Whether marketing email may go out from this domain now, and why not. */
    marketing: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
    transactional: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  }),
});
export type SenderDomainStatusView = z.infer<typeof senderDomainStatusView>;
