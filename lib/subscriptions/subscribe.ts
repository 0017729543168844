/**
 * A person subscribes (a signup form, the API): the contact is created or updated, and its email
 * consent becomes `subscribed` — or, when the workspace asks for double opt-in, `pending` until the
 * person confirms from the email sent to them. The confirmation is requested in the same write
 * (`confirmationMessageId` on its `contact.consent.changed` event), so a crash between the two cannot
 * lose it; the message id makes the send happen at most once.
 *
 * A pending subscribe repeated within an hour does not send again (a form cannot be used to flood a
 * mailbox); after that it sends a new confirmation.
 */
import * as z from 'zod';
import { localeSchema } from '../contacts/contact.schema.ts';
import { SuppressedContactError } from '../contacts/set-consent.ts';
import { upsertContact } from '../contacts/upsert-contact.ts';
import { newMessageId } from '../email/message.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import { emailSchema } from '../shared/values/identity.schema.ts';
import { topicIdSchema } from '../workspaces/email-settings.schema.ts';
import { recordDecision } from './consent-change.ts';
import type { SubscriptionDeps } from './deps.ts';
import { readEmailSettings } from './email-settings.ts';

export const RESEND_CONFIRMATION_AFTER_MS = 60 * 60 * 1000;

const name = z.string().trim().max(200);

export const subscribeBody = z.strictObject({
  email: emailSchema,
  firstName: name.optional(),
  lastName: name.optional(),
  locale: localeSchema.optional().describe('the language of the confirmation email and pages (BCP 47)'),
  topics: z
    .array(topicIdSchema)
    .max(20)
    .optional()
    .describe("topics of the workspace's email settings to subscribe to"),
  source: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('where the consent was given, recorded with it (e.g. `footer-form`)'),
});
export type SubscribeInput = z.infer<typeof subscribeBody>;

export type SubscribeOutcome = 'subscribed' | 'pending' | 'suppressed';

/**
 * What a form may set on the contact: the name and language it gives, only where the contact has none.
 * A signup form is public (an ingest key sits in the page), so anyone can submit anyone's address:
 * it must not rename a known customer or change the language their email comes in.
 */
const missingProfile = async (
  workspaceId: string,
  input: SubscribeInput,
  deps: SubscriptionDeps,
): Promise<Pick<SubscribeInput, 'firstName' | 'lastName' | 'locale'>> => {
  const found = (await deps.contacts.lookup(workspaceId, { email: input.email })).email;
  const known = found?.type === 'lookup' ? await deps.contacts.get(workspaceId, found.contactId) : undefined;
  return {
    ...(known?.firstName === undefined && input.firstName ? { firstName: input.firstName } : {}),
    ...(known?.lastName === undefined && input.lastName ? { lastName: input.lastName } : {}),
    ...(known?.locale === undefined && input.locale ? { locale: input.locale } : {}),
  };
};

export const subscribe = async (
  workspaceId: string,
  input: SubscribeInput,
  deps: SubscriptionDeps,
): Promise<{ contactId: string; outcome: SubscribeOutcome }> => {
  const settings = await readEmailSettings(workspaceId, deps);
  const known = new Set(settings.topics.map((t) => t.id));
  const topics = input.topics ?? [];
  const unknown = topics.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw new ValidationError(`topics[${unknown}]: not a topic of this workspace`, [
      { path: `topics[${unknown}]`, message: "not one of the workspace's topics" },
    ]);
  const { email, source } = input;
  const { contact } = await upsertContact(
    workspaceId,
    { email, ...(await missingProfile(workspaceId, input, deps)) },
    `subscribe:${source}`,
    deps,
  );
  const chosen = Object.fromEntries(topics.map((id) => [id, 'subscribed' as const]));
  try {
    const { contact: after } = await recordDecision(
      workspaceId,
      contact.id,
      (current) => {
        const held = current.consent.email;
        if (held?.status === 'subscribed') {
          // Double opt-in means a form alone never consents: a topic the confirmed contact left is
          // chosen again through its own preference link, not by whoever typed its address.
          if (!settings.doubleOptIn) return { topics: chosen, source };
          const left = (id: string) => current.topics?.[id]?.status === 'unsubscribed';
          return {
            topics: Object.fromEntries(Object.entries(chosen).filter(([id]) => !left(id))),
            source,
          };
        }
        if (!settings.doubleOptIn) return { email: 'subscribed', topics: chosen, source };
        const now = deps.clock.now();
        if (held?.status === 'pending' && now.getTime() - Date.parse(held.at) < RESEND_CONFIRMATION_AFTER_MS)
          return { topics: chosen, source };
        return { email: 'pending', topics: chosen, source, confirmationMessageId: newMessageId(now) };
      },
      deps,
    );
    return {
      contactId: contact.id,
      outcome: after.consent.email?.status === 'pending' ? 'pending' : 'subscribed',
    };
  } catch (error) {
    if (error instanceof SuppressedContactError) return { contactId: contact.id, outcome: 'suppressed' };
    throw error;
  }
};
