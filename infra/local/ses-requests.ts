/**
 * The SES v2 requests the local SES front reads (restJson1 bodies, as `@aws-sdk/client-sesv2` sends
 * them), loose where the front only forwards, and the small parsers it needs: recipients, message tags
 * (refused as SES refuses them), headers of a raw MIME message.
 */
import * as z from 'zod';
import { SesApiError } from './ses-state.ts';

export const TAG = /^[A-Za-z0-9_-]{1,256}$/;

export const header = z.object({ Name: z.string(), Value: z.string() });
export const tag = z.object({ Name: z.string(), Value: z.string() });
export const destination = z
  .object({
    ToAddresses: z.array(z.string()).optional(),
    CcAddresses: z.array(z.string()).optional(),
    BccAddresses: z.array(z.string()).optional(),
  })
  .optional();

export const sendEmailRequest = z.looseObject({
  FromEmailAddress: z.string().optional(),
  Destination: destination,
  Content: z
    .looseObject({
      Simple: z
        .looseObject({
          Subject: z.looseObject({ Data: z.string().optional() }).optional(),
          Headers: z.array(header).optional(),
        })
        .optional(),
      Raw: z.looseObject({ Data: z.string() }).optional(),
      Template: z.looseObject({ Headers: z.array(header).optional() }).optional(),
    })
    .optional(),
  EmailTags: z.array(tag).optional(),
  ConfigurationSetName: z.string().optional(),
  TenantName: z.string().optional(),
});

export const sendBulkEmailRequest = z.looseObject({
  FromEmailAddress: z.string().optional(),
  DefaultEmailTags: z.array(tag).optional(),
  DefaultContent: z
    .looseObject({ Template: z.looseObject({ Headers: z.array(header).optional() }).optional() })
    .optional(),
  BulkEmailEntries: z.array(
    z.looseObject({
      Destination: destination,
      ReplacementTags: z.array(tag).optional(),
      ReplacementHeaders: z.array(header).optional(),
    }),
  ),
  ConfigurationSetName: z.string().optional(),
  TenantName: z.string().optional(),
});

export const bulkResponse = z.object({
  BulkEmailEntryResults: z.array(
    z.object({
      Status: z.string().optional(),
      MessageId: z.string().optional(),
      Error: z.string().optional(),
    }),
  ),
});
export const sendResponse = z.object({ MessageId: z.string() });
export const storeResponse = z.object({
  emails: z.array(z.looseObject({ messageId: z.string(), subject: z.string().optional() })),
});

export const createIdentityRequest = z.object({
  EmailIdentity: z.string(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
  ConfigurationSetName: z.string().optional(),
  DkimSigningAttributes: z.unknown().optional(),
});
export const mailFromRequest = z.object({
  MailFromDomain: z.string().optional(),
  BehaviorOnMxFailure: z.string().optional(),
});
export const tenantName = z.object({ TenantName: z.string() });
export const createTenantRequest = tenantName.extend({
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
  SuppressionAttributes: z.unknown().optional(),
});
export const tenantResource = tenantName.extend({ ResourceArn: z.string() });
export const accountPatch = z
  .object({
    max24HourSend: z.number().int().nonnegative(),
    maxSendRate: z.number().positive(),
    sendingEnabled: z.boolean(),
    suspended: z.boolean(),
    productionAccessEnabled: z.boolean(),
  })
  .partial();
export const engagementRequest = z.object({
  link: z.string().optional(),
  ipAddress: z.string().optional(),
  userAgent: z.string().optional(),
});

export const recipientsOf = (d: z.infer<typeof destination>): string[] => [
  ...(d?.ToAddresses ?? []),
  ...(d?.CcAddresses ?? []),
  ...(d?.BccAddresses ?? []),
];

export const tagsOf = (
  ...lists: (readonly { Name: string; Value: string }[] | undefined)[]
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const list of lists) {
    for (const t of list ?? []) {
      if (!TAG.test(t.Name) || !TAG.test(t.Value)) {
        throw new SesApiError(
          'BadRequestException',
          `Invalid message tag ${JSON.stringify(t.Name)}: names and values hold only A-Z a-z 0-9 _ - (1-256).`,
        );
      }
      out[t.Name] = t.Value;
    }
  }
  return out;
};

/** The first value of a header in a raw MIME message (unfolded), for Raw content without Destination. */
export const rawHeader = (raw: string, name: string): string | undefined => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
};

export const splitAddresses = (value: string | undefined): string[] =>
  value
    ? value
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '')
    : [];

export type Parsed<T extends z.ZodType> = z.infer<T>;
