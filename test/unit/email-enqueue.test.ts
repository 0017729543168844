import { describe, expect, it } from 'vitest';
import type { EmailRequestRecord } from '../../lib/email/send/email-requests.repository.ts';
import {
  type EnqueueDeps,
  sendEmail,
  TEST_SENDS_PER_HOUR,
  testSend,
} from '../../lib/email/send/enqueue-email.ts';
import type { SendRequest } from '../../lib/email/send/send-request.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { ConflictError, NotFoundError, RateLimitedError } from '../../lib/shared/errors.ts';
import { newId } from '../../lib/shared/ids.ts';
import { fakeTemplate, fakeTemplates, memoryContacts, subscribedContact } from '../support/email-fakes.ts';

const WS = 'ws_enqueue_test';
const NOW = '2026-06-01T10:20:00.000Z';

const setup = () => {
  const contact = subscribedContact(WS, newId('c'));
  const queued: SendRequest[] = [];
  const remembered = new Map<string, EmailRequestRecord>();
  const counts = new Map<string, number>();
  const clock = fixedClock(NOW);
  const deps: EnqueueDeps = {
    contacts: memoryContacts([contact]),
    templates: fakeTemplates([
      fakeTemplate({ templateId: 'welcome', version: 1 }, 'transactional'),
      fakeTemplate({ templateId: 'welcome', version: 2 }, 'transactional'),
      fakeTemplate({ templateId: 'newsletter', version: 1 }, 'marketing', { topic: 'news' }),
    ]),
    versions: { latest: async (_ws, id) => (id === 'welcome' ? 2 : id === 'newsletter' ? 1 : undefined) },
    queue: {
      enqueue: async (requests) => {
        queued.push(...requests);
      },
    },
    requests: {
      remember: async (ws, key, record) => {
        const k = `${ws}/${key}`;
        const stored = remembered.get(k) ?? { type: 'emailRequest', v: 1, ...record };
        remembered.set(k, stored);
        return stored;
      },
      countTestSend: async (ws, hour, cap) => {
        const n = counts.get(`${ws}/${hour}`) ?? 0;
        if (n >= cap) return false;
        counts.set(`${ws}/${hour}`, n + 1);
        return true;
      },
    },
    clock,
  };
  return { deps, contact, queued, clock };
};

describe('POST /v1/emails', () => {
  it('queues the latest version of the template, kind and topic from the template', async () => {
    const { deps, contact, queued } = setup();
    const out = await sendEmail(
      WS,
      { contactId: contact.id, templateId: 'newsletter', data: { a: 1 } },
      undefined,
      deps,
    );
    expect(out).toMatchObject({ status: 'queued', templateId: 'newsletter', version: 1, replayed: false });
    expect(queued).toEqual([
      {
        workspaceId: WS,
        kind: 'marketing',
        origin: 'api',
        originId: 'newsletter',
        template: { templateId: 'newsletter', version: 1 },
        topic: 'news',
        recipients: [{ contactId: contact.id, messageId: out.messageId, data: { a: 1 } }],
      },
    ]);
  });

  it('gives a repeated Idempotency-Key the same message id, and refuses it with another body', async () => {
    const { deps, contact, queued } = setup();
    const body = { contactId: contact.id, templateId: 'welcome' };
    const first = await sendEmail(WS, body, 'order-1234-confirmation', deps);
    const again = await sendEmail(WS, body, 'order-1234-confirmation', deps);
    expect(again).toEqual({ ...first, replayed: true });
    expect(queued.map((q) => q.recipients[0]?.messageId)).toEqual([first.messageId, first.messageId]);
    await expect(
      sendEmail(WS, { ...body, data: { other: true } }, 'order-1234-confirmation', deps),
    ).rejects.toThrow(ConflictError);
  });

  it('is 404 for a contact or template version the workspace does not have', async () => {
    const { deps, contact } = setup();
    await expect(
      sendEmail(WS, { contactId: newId('c'), templateId: 'welcome' }, undefined, deps),
    ).rejects.toThrow(NotFoundError);
    await expect(
      sendEmail('ws_other_ws', { contactId: contact.id, templateId: 'welcome' }, undefined, deps),
    ).rejects.toThrow(NotFoundError);
    await expect(
      sendEmail(WS, { contactId: contact.id, templateId: 'welcome', version: 9 }, undefined, deps),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('POST /v1/templates/{id}/test-send', () => {
  it(`sends to the given address, ${TEST_SENDS_PER_HOUR} an hour, then 429 until the next hour`, async () => {
    const { deps, contact, queued, clock } = setup();
    const body = { contactId: contact.id, to: 'me@shop.example' };
    for (let i = 0; i < TEST_SENDS_PER_HOUR; i++) await testSend(WS, 'newsletter', body, deps);
    const over = testSend(WS, 'newsletter', body, deps);
    await expect(over).rejects.toThrow(RateLimitedError);
    await over.catch((error: unknown) => {
      expect(error instanceof RateLimitedError && error.retryAfterSeconds).toBe(40 * 60);
    });
    clock.advance(40 * 60 * 1000);
    await testSend(WS, 'newsletter', body, deps);
    expect(queued).toHaveLength(TEST_SENDS_PER_HOUR + 1);
    expect(queued[0]).toMatchObject({
      origin: 'test',
      recipients: [{ to: 'me@shop.example', contactId: contact.id }],
    });
  });
});
