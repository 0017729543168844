/**
 * The SES message tags every email carries, so each SES event (send, delivery, bounce, complaint,
 * open, click...) finds its workspace, contact, message and origin without a lookup table.
 *
 * SES tag names and values hold only ASCII letters, digits, `_` and `-` (at most 256 characters):
 * every value written here satisfies that, and `readMessageTags` refuses anything else.
 */
import * as z from 'zod';

export const MESSAGE_TAG = {
  workspace: 'ecrm-ws',
  contact: 'ecrm-contact',
  /** ecrm's own id of this one message (`m_...`), not SES's MessageId. */
  message: 'ecrm-message',
  kind: 'ecrm-kind',
  /** What sent it: a campaign, a journey step, a one-off (API), a test send, an alert. */
  origin: 'ecrm-origin',
  /** The campaign id, `<journeyId>-<stepId>`, the template id...; absent for one-offs. */
  originId: 'ecrm-origin-id',
  /**
   * A campaign email's chunk (`<shard>-<page>`): where its recipient is claimed. The last entry of
   * each SES call carries `<shard>-<page>-w` (CALL_WITNESS): the one Send event of the call the
   * feedback loop receives (ses-event-pattern.ts), which settles whoever of the call was left in flight.
   */
  chunk: 'ecrm-chunk',
  /**
   * A campaign email's template (`<templateId>_v<version>`): its message entry is written by its first
   * feedback (an open, a bounce...), which thus knows what was sent without a lookup.
   */
  template: 'ecrm-template',
  /** A campaign A/B test email's variant (`0`–`3`): opens and clicks are counted per variant. */
  variant: 'ecrm-variant',
} as const;

export const EMAIL_KINDS = ['marketing', 'transactional'] as const;
export const emailKindSchema = z.enum(EMAIL_KINDS);
export type EmailKind = z.infer<typeof emailKindSchema>;

export const ORIGINS = ['campaign', 'journey', 'api', 'test', 'alert', 'confirmation'] as const;
export const originSchema = z.enum(ORIGINS);
export type Origin = z.infer<typeof originSchema>;

/**
 * Test sends and alerts go to someone else (the tester, the sales team) with a contact's data: that
 * contact's consent does not apply to them, and what their recipient's mailbox answers (a bounce, a
 * complaint, an open) says nothing about the contact.
 */
export const recipientIsContact = (origin: Origin): boolean => origin !== 'test' && origin !== 'alert';

const tagValue = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'SES tag values are A-Z a-z 0-9 _ - only');

export const messageTagsSchema = z.object({
  workspaceId: tagValue,
  contactId: tagValue,
  messageId: tagValue,
  kind: emailKindSchema,
  origin: originSchema,
  originId: tagValue.optional(),
  chunk: tagValue.optional(),
  template: tagValue.optional(),
  variant: z.string().regex(/^\d$/, 'a variant is one digit').optional(),
});
export type MessageTags = z.infer<typeof messageTagsSchema>;

/** The tags as SES takes them (`EmailTags`, `DefaultEmailTags`, `ReplacementTags`). */
export const toSesTags = (tags: MessageTags): { Name: string; Value: string }[] => {
  const checked = messageTagsSchema.parse(tags);
  const out: { Name: string; Value: string }[] = [
    { Name: MESSAGE_TAG.workspace, Value: checked.workspaceId },
    { Name: MESSAGE_TAG.contact, Value: checked.contactId },
    { Name: MESSAGE_TAG.message, Value: checked.messageId },
    { Name: MESSAGE_TAG.kind, Value: checked.kind },
    { Name: MESSAGE_TAG.origin, Value: checked.origin },
  ];
  if (checked.originId !== undefined) out.push({ Name: MESSAGE_TAG.originId, Value: checked.originId });
  if (checked.chunk !== undefined) out.push({ Name: MESSAGE_TAG.chunk, Value: checked.chunk });
  if (checked.template !== undefined) out.push({ Name: MESSAGE_TAG.template, Value: checked.template });
  if (checked.variant !== undefined) out.push({ Name: MESSAGE_TAG.variant, Value: checked.variant });
  return out;
};

/**
 * The tags of an SES event's `mail.tags` (each a list of strings, SES's shape), or undefined when the
 * message was not sent by ecrm (another application of the account shares the default bus).
 */
export const readMessageTags = (tags: Readonly<Record<string, readonly string[] | undefined>>) => {
  const parsed = messageTagsSchema.safeParse({
    workspaceId: tags[MESSAGE_TAG.workspace]?.[0],
    contactId: tags[MESSAGE_TAG.contact]?.[0],
    messageId: tags[MESSAGE_TAG.message]?.[0],
    kind: tags[MESSAGE_TAG.kind]?.[0],
    origin: tags[MESSAGE_TAG.origin]?.[0],
    originId: tags[MESSAGE_TAG.originId]?.[0],
    chunk: tags[MESSAGE_TAG.chunk]?.[0],
    template: tags[MESSAGE_TAG.template]?.[0],
    variant: tags[MESSAGE_TAG.variant]?.[0],
  });
  return parsed.success ? parsed.data : undefined;
};

/**
 * The counter origin id of one A/B variant of a campaign (`<campaignId>~v<variant>`): its opens and
 * clicks are counted there as well as on the campaign. `~` is in no campaign id, so the two never meet.
 */
export const variantOriginId = (campaignId: string, variant: number | string): string =>
  `${campaignId}~v${variant}`;

/** The suffix of the chunk tag of a call's witness entry (its last). */
export const CALL_WITNESS = '-w';

/** The template tag of a campaign email. */
export const templateTag = (ref: { readonly templateId: string; readonly version: number }): string =>
  `${ref.templateId}_v${ref.version}`;

/** The template a template tag names, or undefined when it names none. */
export const readTemplateTag = (tag: string | undefined) => {
  const parts = tag === undefined ? null : /^([a-z0-9][a-z0-9-]{0,63})_v([1-9]\d{0,8})$/.exec(tag);
  return parts?.[1] && parts[2] ? { templateId: parts[1], version: Number(parts[2]) } : undefined;
};
