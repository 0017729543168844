/**
 * One recipient's email as SES will get it, built from the rendered template: the subject made
 * header-safe, the RFC 8058 headers on marketing, the message tags. Pure.
 */
import type { EmailKind, MessageTags } from '../message-tags.ts';
import type { RecipientLinks, RenderedEmail } from '../ports.ts';
import { headerText, listUnsubscribeValue } from './header-safety.ts';
import type { OutgoingEmail } from './ports.ts';

export const ONE_CLICK = { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' } as const;

export const unsubscribeHeaders = (kind: EmailKind, links: RecipientLinks | undefined) => {
  if (kind !== 'marketing') return [];
  if (!links) throw new Error('a marketing email needs its unsubscribe links');
  return [{ name: 'List-Unsubscribe', value: listUnsubscribeValue(links.oneClickUrl) }, ONE_CLICK];
};

export const outgoingEmail = (input: {
  readonly to: string;
  readonly rendered: RenderedEmail;
  readonly kind: EmailKind;
  readonly links: RecipientLinks | undefined;
  readonly tags: MessageTags;
}): OutgoingEmail => ({
  messageId: input.tags.messageId,
  contactId: input.tags.contactId,
  to: input.to,
  subject: headerText(input.rendered.subject),
  html: input.rendered.html,
  text: input.rendered.text,
  headers: unsubscribeHeaders(input.kind, input.links),
  tags: input.tags,
});
