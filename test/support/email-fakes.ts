/**
 * In-memory fakes of the send path's ports, with the same conditional semantics as the real ones
 * (a message id is created once; status moves only from `claimed`). The template fake renders with
 * plain replacement and HTML escaping: the real Liquid rendering is part of lib/templates.
 */
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import type { EmailMessage } from '../../lib/email/message.schema.ts';
import type { EmailKind } from '../../lib/email/message-tags.ts';
import type {
  LoadedTemplate,
  PausePort,
  RecipientLinks,
  RenderInput,
  SenderOutcome,
  SenderPort,
  SubscriptionPort,
  TemplatePort,
} from '../../lib/email/ports.ts';
import { freeSlot, windowStart } from '../../lib/email/send/frequency-cap.ts';
import type {
  CappedSend,
  ContactReader,
  EntryResult,
  FrequencyCaps,
  Mailer,
  MessageStore,
  OutgoingBatch,
  SendingHalt,
  SendLimits,
  WorkspaceReader,
} from '../../lib/email/send/ports.ts';
import { type EmailSettings, emailSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export const subscribedContact = (ws: string, id: string, over: Partial<Contact> = {}): Contact => ({
  ...emptyContact(ws, id, 'test', '2026-01-01T00:00:00.000Z'),
  email: `${id}@example.com`,
  firstName: 'Ana',
  consent: { email: { status: 'subscribed', source: 'test', at: '2026-01-01T00:00:00.000Z' } },
  ...over,
});

/** Renders `Hello <firstName>` with `data.product` when given; fails when `data.required` is absent but asked. */
export const fakeTemplate = (
  ref: { templateId: string; version: number },
  kind: EmailKind,
  options: { requireData?: string; topic?: string } = {},
): LoadedTemplate => ({
  ref,
  kind,
  topic: options.topic,
  render: (input: RenderInput) => {
    if (options.requireData && input.data?.[options.requireData] === undefined)
      return { ok: false, reason: `data.${options.requireData} is required` };
    const name = input.contact.firstName ?? 'there';
    const product = typeof input.data?.product === 'string' ? input.data.product : '';
    const footer =
      kind === 'marketing'
        ? `<a href="${input.links?.unsubscribeUrl}">Unsubscribe</a> ${escapeHtml(input.settings.postalAddress ?? '')}`
        : '';
    return {
      ok: true,
      email: {
        subject: input.subject ?? `Hello ${name} ${product}`.trim(),
        html: `<p>Hello ${escapeHtml(name)} ${escapeHtml(product)}</p>${footer}`,
        text: `Hello ${name} ${product}`.trim(),
        locale: 'en',
      },
    };
  },
});

export const fakeTemplates = (templates: readonly LoadedTemplate[]): TemplatePort => ({
  load: async (_ws, ref) =>
    templates.find((t) => t.ref.templateId === ref.templateId && t.ref.version === ref.version),
});

export const linksFor = (contactId: string): RecipientLinks => ({
  unsubscribeUrl: `https://ecrm.example/u/${contactId}`,
  oneClickUrl: `https://ecrm.example/u/${contactId}?one-click`,
  preferencesUrl: `https://ecrm.example/u/${contactId}/preferences`,
});

export const INERT_LINKS: RecipientLinks = {
  unsubscribeUrl: 'https://ecrm.example/u/test-send',
  oneClickUrl: 'https://ecrm.example/u/test-send',
  preferencesUrl: 'https://ecrm.example/u/test-send#preferences',
};

export const fakeSubscriptions = (): SubscriptionPort => ({
  eligibility: (contact, send) => {
    if (!contact.email) return { ok: false, refusal: 'no-email' };
    if (contact.suppression) return { ok: false, refusal: 'suppressed' };
    if (send.kind === 'transactional') return { ok: true };
    const consent = contact.consent.email?.status;
    if (consent === 'pending') return { ok: false, refusal: 'consent-pending' };
    if (consent === 'unsubscribed') return { ok: false, refusal: 'unsubscribed' };
    if (consent !== 'subscribed') return { ok: false, refusal: 'no-marketing-consent' };
    return { ok: true };
  },
  links: async (_ws, contactId) => linksFor(contactId),
  inertLinks: () => INERT_LINKS,
});

export const fakeSenders = (
  outcome: SenderOutcome = { ok: true, from: '"Shop" <news@shop.example>' },
): SenderPort => ({
  senderFor: async () => outcome,
});

export const fakePauses = (paused?: string): PausePort => ({ marketingPausedFor: async () => paused });

export const memoryWorkspaces = (
  ws: string,
  settings: Partial<EmailSettings> = { postalAddress: '1 Main Street, Springfield 12345' },
): WorkspaceReader => ({
  get: async (id) =>
    id === ws
      ? { name: 'Shop', retentionDays: 400, settings: emailSettingsSchema.parse(settings), deleting: false }
      : undefined,
});

export const memoryContacts = (contacts: readonly Contact[]): ContactReader & { reads: number } => {
  const reader = {
    reads: 0,
    getMany: async (ws: string, ids: readonly string[]) => {
      reader.reads++;
      return contacts.filter((c) => c.workspaceId === ws && ids.includes(c.id));
    },
  };
  return reader;
};

export const memoryMessages = () => {
  const items = new Map<string, EmailMessage>();
  const k = (ws: string, c: string, m: string) => `${ws}/${c}/${m}`;
  const fromClaimed = (key: string, change: (m: EmailMessage) => EmailMessage | undefined) => {
    const current = items.get(key);
    if (current?.status !== 'claimed') return;
    const next = change(current);
    if (next) items.set(key, next);
    else items.delete(key);
  };
  const store: MessageStore & { items: Map<string, EmailMessage>; writes: number } = {
    items,
    writes: 0,
    async create(ws, contactId, message) {
      store.writes++;
      const key = k(ws, contactId, message.messageId);
      if (items.has(key)) return false;
      items.set(key, structuredClone(message));
      return true;
    },
    async markFailed(ws, c, m, reason, at) {
      store.writes++;
      fromClaimed(k(ws, c, m), (x) => ({ ...x, status: 'failed', reason, at: { ...x.at, failed: at } }));
    },
    async markRefused(ws, c, m, reason, at) {
      store.writes++;
      fromClaimed(k(ws, c, m), (x) => ({ ...x, status: 'refused', reason, at: { ...x.at, refused: at } }));
    },
    async noteUnknown(ws, c, m, reason) {
      store.writes++;
      fromClaimed(k(ws, c, m), (x) => ({ ...x, reason }));
    },
    async release(ws, c, m) {
      store.writes++;
      fromClaimed(k(ws, c, m), () => undefined);
    },
  };
  return store;
};

/** The frequency cap in memory, with the same slot rules as the table's (frequency-cap.ts). */
export const memoryFrequencyCaps = () => {
  const slots = new Map<string, Map<number, number>>();
  const caps: FrequencyCaps & { slots: typeof slots; counts: number; givenBack: number } = {
    slots,
    counts: 0,
    givenBack: 0,
    async count(ws, recipients, cap, now) {
      caps.counts++;
      const counted: CappedSend[] = [];
      const at = now.getTime();
      for (const { contactId, messageId } of recipients) {
        const mine = slots.get(`${ws}/${contactId}`) ?? new Map<number, number>();
        const choice = freeSlot(mine, cap.limit, windowStart(cap, at));
        if (choice === undefined) continue;
        mine.set(choice.take, at);
        slots.set(`${ws}/${contactId}`, mine);
        counted.push({ contactId, messageId, slot: choice.take, at });
      }
      return counted;
    },
    async giveBack(ws, sends) {
      for (const s of sends) {
        const mine = slots.get(`${ws}/${s.contactId}`);
        if (mine?.get(s.slot) === s.at) {
          mine.delete(s.slot);
          caps.givenBack++;
        }
      }
    },
  };
  return caps;
};

/** A mailer that answers each call with `answer(batch, callIndex)` and keeps every batch it got. */
export const scriptedMailer = (answer: (batch: OutgoingBatch, call: number) => EntryResult[]) => {
  const calls: OutgoingBatch[] = [];
  const mailer: Mailer & { calls: OutgoingBatch[] } = {
    calls,
    send: async (batch) => {
      calls.push(structuredClone(batch));
      return answer(batch, calls.length - 1);
    },
  };
  return mailer;
};

export const acceptAll = () =>
  scriptedMailer((batch) =>
    batch.emails.map((e) => ({ outcome: 'sent', sesMessageId: `ses-${e.messageId}` })),
  );

export const memoryHalt = (): SendingHalt & { reason: string | undefined; trips: number } => {
  const halt = {
    reason: undefined as string | undefined,
    trips: 0,
    current: async () => halt.reason,
    trip: async (_ws: string, reason: string) => {
      halt.trips++;
      if (halt.reason) return false;
      halt.reason = reason;
      return true;
    },
  };
  return halt;
};

export const noLimits: SendLimits = { acquire: async () => {} };
