/**
 * The SES event fixtures (test/fixtures/ses, as AWS documents them), and the same events about a
 * message ecrm sent: its tags added to `mail.tags`, as SES publishes every tag of a message.
 */
import { readFileSync } from 'node:fs';
import { type SesEvent, sesEventSchema } from '../../lib/email/feedback/ses-event.schema.ts';
import { type MessageTags, toSesTags } from '../../lib/email/message-tags.ts';

export const SES_FIXTURES = [
  'bounce-permanent',
  'bounce-transient',
  'complaint',
  'delivery',
  'send',
  'reject',
  'open',
  'click',
  'rendering-failure',
  'delivery-delay',
] as const;
export type SesFixture = (typeof SES_FIXTURES)[number];

/** The fixture as published (JSON, unparsed). */
export const rawSesFixture = (name: SesFixture): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/ses/${name}.json`, import.meta.url), 'utf8'));

/** The fixture's JSON with ecrm's tags on the message (and the event's time, when given). */
export const taggedSesJson = (name: SesFixture, tags: MessageTags, time?: Date): Record<string, unknown> => {
  const event = sesEventSchema.parse(rawSesFixture(name));
  const ecrm = Object.fromEntries(toSesTags(tags).map((t) => [t.Name, [t.Value]]));
  const detail = structuredClone(event.detail);
  detail.mail.tags = { ...detail.mail.tags, ...ecrm };
  if (time) {
    const at = time.toISOString();
    if ('delivery' in detail) detail.delivery.timestamp = at;
    if ('bounce' in detail) detail.bounce.timestamp = at;
    if ('complaint' in detail) detail.complaint.timestamp = at;
    if ('open' in detail) detail.open.timestamp = at;
    if ('click' in detail) detail.click.timestamp = at;
  }
  return JSON.parse(JSON.stringify({ ...event, ...(time ? { time: time.toISOString() } : {}), detail }));
};

export const taggedSesEvent = (name: SesFixture, tags: MessageTags, time?: Date): SesEvent =>
  sesEventSchema.parse(taggedSesJson(name, tags, time));

export const sesEventSchemaParse = (raw: unknown): SesEvent => sesEventSchema.parse(raw);
