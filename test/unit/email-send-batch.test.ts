import { describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import type { LoadedTemplate } from '../../lib/email/ports.ts';
import type { EntryResult, Mailer, SendLimits } from '../../lib/email/send/ports.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { SendLimitReachedError } from '../../lib/email/send/send-limits.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import {
  acceptAll,
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  INERT_LINKS,
  linksFor,
  memoryContacts,
  memoryFrequencyCaps,
  memoryHalt,
  memoryMessages,
  memoryWorkspaces,
  noLimits,
  scriptedMailer,
  subscribedContact,
} from '../support/email-fakes.ts';

const WS = 'ws_send_test';
const NOW = '2026-06-01T10:00:00.000Z';
const REF = { templateId: 'newsletter', version: 3 };
const TX = { templateId: 'order-follow-up', version: 1 };

const contactId = () => newId('c', new Date(NOW));

const setup = (
  contacts: readonly Contact[],
  over: Partial<SendDeps> = {},
  templates: readonly LoadedTemplate[] = [fakeTemplate(REF, 'marketing'), fakeTemplate(TX, 'transactional')],
) => {
  const messages = memoryMessages();
  const halt = memoryHalt();
  const halts: string[] = [];
  const reader = memoryContacts(contacts);
  const deps: SendDeps = {
    workspaces: memoryWorkspaces(WS),
    contacts: reader,
    templates: fakeTemplates(templates),
    subscriptions: fakeSubscriptions(),
    senders: fakeSenders(),
    pauses: fakePauses(),
    messages,
    mailer: acceptAll(),
    halt,
    limits: noLimits,
    caps: memoryFrequencyCaps(),
    clock: fixedClock(NOW),
    onHalt: (reason) => halts.push(reason),
    ...over,
  };
  return { deps, messages, halt, halts, reader };
};

const sleeps: number[] = [];
const options = (lastAttempt = false) => ({
  deliver: {
    attempts: 4,
    baseDelayMs: 100,
    random: () => 1,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  },
  lastAttempt,
});

const request = (contacts: readonly Contact[], over: Partial<SendRequest> = {}): SendRequest =>
  sendRequestSchema.parse({
    workspaceId: WS,
    kind: 'marketing',
    origin: 'campaign',
    originId: 'cmp_1',
    template: REF,
    recipients: contacts.map((c) => ({ contactId: c.id, messageId: newMessageId(new Date(NOW)) })),
    ...over,
  });

const mailerOf = (deps: SendDeps) => deps.mailer as Mailer & { calls: { emails: { messageId: string }[] }[] };

describe('sendBatch', () => {
  it('sends a marketing batch in one SES call with both unsubscribe headers and the message tags', async () => {
    const people = [subscribedContact(WS, contactId()), subscribedContact(WS, contactId())];
    const { deps, messages, reader } = setup(people);
    const req = request(people);

    const out = await sendBatch(req, deps, options());

    const calls = mailerOf(deps).calls;
    expect(calls).toHaveLength(1);
    expect(reader.reads).toBe(1);
    const [first] = (deps.mailer as ReturnType<typeof acceptAll>).calls[0]?.emails ?? [];
    expect(first?.headers).toEqual([
      { name: 'List-Unsubscribe', value: `<https://ecrm.example/u/${people[0]?.id}?one-click>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
    expect(first?.tags).toEqual({
      workspaceId: WS,
      contactId: people[0]?.id,
      messageId: req.recipients[0]?.messageId,
      kind: 'marketing',
      origin: 'campaign',
      originId: 'cmp_1',
    });
    expect(first?.to).toBe(people[0]?.email);
    expect(out.retry).toBe(false);
    for (const r of req.recipients) {
      expect(out.recipients[r.messageId]).toEqual({ status: 'sent', sesMessageId: `ses-${r.messageId}` });
      // `sent` and SES's id come with SES's Send event, through the feedback loop.
      expect(messages.items.get(`${WS}/${r.contactId}/${r.messageId}`)).toMatchObject({
        status: 'claimed',
        at: { claimed: NOW },
        templateId: 'newsletter',
        version: 3,
        locale: 'en',
      });
    }
  });

  it('renders every recipient before claiming any (a batch timed out while rendering strands no claim)', async () => {
    const people = [
      subscribedContact(WS, contactId()),
      subscribedContact(WS, contactId()),
      subscribedContact(WS, contactId()),
    ];
    const steps: string[] = [];
    const base = fakeTemplate(REF, 'marketing');
    const template: LoadedTemplate = {
      ...base,
      render: (input) => {
        steps.push('render');
        return base.render(input);
      },
    };
    const { deps, messages } = setup(people, {}, [template]);
    const create = messages.create.bind(messages);
    messages.create = async (...args) => {
      steps.push('claim');
      return create(...args);
    };
    await sendBatch(request(people), deps, options());
    expect(steps).toEqual(['render', 'render', 'render', 'claim', 'claim', 'claim']);
  });

  it('writes each message once, its claim: `sent` is left to the feedback loop', async () => {
    const people = [subscribedContact(WS, contactId()), subscribedContact(WS, contactId())];
    const { deps, messages } = setup(people);
    const out = await sendBatch(request(people), deps, options());
    expect(Object.values(out.recipients).map((o) => o.status)).toEqual(['sent', 'sent']);
    expect(messages.writes).toBe(2);
    expect([...messages.items.values()].map((m) => m.status)).toEqual(['claimed', 'claimed']);
  });

  it('sends transactional email without unsubscribe headers, and without marketing consent', async () => {
    const person = subscribedContact(WS, contactId(), { consent: {} });
    const { deps } = setup([person]);
    const out = await sendBatch(
      request([person], { kind: 'transactional', origin: 'api', template: TX }),
      deps,
      options(),
    );
    expect(Object.values(out.recipients).map((o) => o.status)).toEqual(['sent']);
    expect(mailerOf(deps).calls[0]?.emails[0]).toMatchObject({ headers: [] });
  });

  it('refuses, once and for good, recipients who may not receive it at the moment of sending', async () => {
    const ok = subscribedContact(WS, contactId());
    const suppressed = subscribedContact(WS, contactId(), { suppression: { reason: 'bounced', at: NOW } });
    const unsubscribed = subscribedContact(WS, contactId(), {
      consent: { email: { status: 'unsubscribed', source: 'one-click', at: NOW } },
    });
    const { deps, messages } = setup([ok, suppressed, unsubscribed]);
    const req = request([ok, suppressed, unsubscribed]);

    const out = await sendBatch(req, deps, options());

    expect(mailerOf(deps).calls[0]?.emails.map((e) => e.messageId)).toEqual([req.recipients[0]?.messageId]);
    const [, s, u] = req.recipients;
    expect(out.recipients[s?.messageId ?? '']).toEqual({ status: 'refused', reason: 'suppressed' });
    expect(out.recipients[u?.messageId ?? '']).toEqual({ status: 'refused', reason: 'unsubscribed' });
    expect(messages.items.get(`${WS}/${suppressed.id}/${s?.messageId}`)).toMatchObject({
      status: 'refused',
      reason: 'suppressed',
      at: { refused: NOW },
    });
  });

  it('never sends a message id twice: a redelivered request finds its claims', async () => {
    const people = [subscribedContact(WS, contactId()), subscribedContact(WS, contactId())];
    const { deps } = setup(people);
    const req = request(people);
    await sendBatch(req, deps, options());

    const again = await sendBatch(req, deps, options());

    expect(mailerOf(deps).calls).toHaveLength(1);
    expect(Object.values(again.recipients)).toEqual([{ status: 'duplicate' }, { status: 'duplicate' }]);
  });

  it('fails one recipient whose data the template lacks, with the reason; the others go', async () => {
    const a = subscribedContact(WS, contactId());
    const b = subscribedContact(WS, contactId());
    const { deps, messages } = setup([a, b], {}, [
      fakeTemplate(REF, 'marketing', { requireData: 'product' }),
    ]);
    const req = request([a, b]);
    const withData = {
      ...req,
      recipients: [{ ...req.recipients[0], data: { product: 'Tea' } }, req.recipients[1]],
    };

    const out = await sendBatch(sendRequestSchema.parse(withData), deps, options());

    expect(out.recipients[req.recipients[0]?.messageId ?? '']?.status).toBe('sent');
    expect(out.recipients[req.recipients[1]?.messageId ?? '']).toEqual({
      status: 'failed',
      reason: 'render: data.product is required',
    });
    expect(messages.items.get(`${WS}/${b.id}/${req.recipients[1]?.messageId}`)?.status).toBe('failed');
  });

  it.each([
    ['no postal address', { workspaces: memoryWorkspaces(WS, {}) }, /postal address/],
    ['paused marketing', { pauses: fakePauses('complaint rate 0.2% over 0.08%') }, /paused: complaint rate/],
    [
      'an unverified domain',
      { senders: fakeSenders({ ok: false, reason: 'shop.example is not verified' }) },
      /may not send: shop.example is not verified/,
    ],
    [
      'a From with CR/LF',
      { senders: fakeSenders({ ok: true, from: 'Shop <a@shop.example>\r\nBcc: x@evil.example' }) },
      /not header-safe/,
    ],
  ])('refuses a whole marketing request with %s, recording the reason', async (_what, over, reason) => {
    const people = [subscribedContact(WS, contactId()), subscribedContact(WS, contactId())];
    const { deps, messages } = setup(people, over);

    const out = await sendBatch(request(people), deps, options());

    expect(mailerOf(deps).calls).toHaveLength(0);
    for (const o of Object.values(out.recipients)) {
      expect(o.status).toBe('refused');
      expect(o.status === 'refused' && o.reason).toMatch(reason);
    }
    expect([...messages.items.values()].map((m) => m.status)).toEqual(['refused', 'refused']);
  });

  it('refuses a missing template version and a marketing template sent as transactional', async () => {
    const person = subscribedContact(WS, contactId());
    const missing = setup([person]);
    const out1 = await sendBatch(
      request([person], { template: { templateId: 'nope', version: 1 } }),
      missing.deps,
      options(),
    );
    expect(Object.values(out1.recipients)[0]).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/does not exist/),
    });

    const sneaky = setup([person]);
    const out2 = await sendBatch(request([person], { kind: 'transactional' }), sneaky.deps, options());
    expect(Object.values(out2.recipients)[0]).toMatchObject({
      status: 'refused',
      reason: 'a marketing template cannot be sent as transactional email',
    });
    expect(mailerOf(sneaky.deps).calls).toHaveLength(0);
  });

  it('keeps CR/LF from contact data out of the subject', async () => {
    const person = subscribedContact(WS, contactId(), {
      firstName: 'Ana\r\nBcc: victim@example.com\n\u2028X',
    });
    const { deps } = setup([person]);
    await sendBatch(request([person]), deps, options());
    const subject = mailerOf(deps).calls[0]?.emails[0] as { subject: string } | undefined;
    expect(subject?.subject).toBe('Hello Ana Bcc: victim@example.com X');
  });

  it('retries only throttled entries, with growing pauses, and never hands SES an accepted one again', async () => {
    sleeps.length = 0;
    const people = [0, 1, 2].map(() => subscribedContact(WS, contactId()));
    const mailer = scriptedMailer((batch, call) =>
      batch.emails.map((e, i): EntryResult => {
        if (call === 0 && i === 0) return { outcome: 'sent', sesMessageId: 'ses-a' };
        if (call === 0 && i === 2) return { outcome: 'final', reason: 'MESSAGE_REJECTED: virus' };
        if (call < 2) return { outcome: 'retry', reason: 'ACCOUNT_THROTTLED' };
        return { outcome: 'sent', sesMessageId: `ses-${e.messageId}` };
      }),
    );
    const { deps, messages } = setup(people, { mailer });
    const req = request(people);

    const out = await sendBatch(req, deps, options());

    const ids = req.recipients.map((r) => r.messageId);
    expect(mailer.calls.map((c) => c.emails.map((e) => e.messageId))).toEqual([ids, [ids[1]], [ids[1]]]);
    expect(sleeps).toEqual([100, 200]);
    expect(out.recipients[ids[0] ?? '']).toEqual({ status: 'sent', sesMessageId: 'ses-a' });
    expect(out.recipients[ids[1] ?? '']?.status).toBe('sent');
    expect(out.recipients[ids[2] ?? '']).toEqual({ status: 'failed', reason: 'MESSAGE_REJECTED: virus' });
    expect(messages.items.get(`${WS}/${people[2]?.id}/${ids[2]}`)).toMatchObject({
      status: 'failed',
      reason: 'MESSAGE_REJECTED: virus',
    });
  });

  it('releases entries still throttled after every attempt for the queue to redeliver, and fails them on the last delivery', async () => {
    const person = subscribedContact(WS, contactId());
    const throttled = () =>
      scriptedMailer((b) => b.emails.map(() => ({ outcome: 'retry', reason: 'TRANSIENT_FAILURE' })));
    const first = setup([person], { mailer: throttled() });
    const req = request([person]);

    const out = await sendBatch(req, first.deps, options());

    expect(mailerOf(first.deps).calls).toHaveLength(4);
    expect(out.retry).toBe(true);
    expect(first.messages.items.size).toBe(0);

    const last = await sendBatch(req, { ...first.deps, mailer: throttled() }, options(true));
    expect(last.retry).toBe(false);
    expect(Object.values(last.recipients)[0]).toEqual({
      status: 'failed',
      reason: 'TRANSIENT_FAILURE (gave up after every retry)',
    });
  });

  it('halts all sending with one alert when SES says the account is paused', async () => {
    const people = [0, 1].map(() => subscribedContact(WS, contactId()));
    const paused = () =>
      scriptedMailer((b) => b.emails.map(() => ({ outcome: 'halt', reason: 'ACCOUNT_SENDING_PAUSED' })));
    const { deps, halts, messages, halt } = setup(people, { mailer: paused() });

    const out = await sendBatch(request(people), deps, options());
    const second = await sendBatch(request(people), { ...deps, mailer: paused() }, options());

    expect(out).toMatchObject({ retry: true, halted: 'ACCOUNT_SENDING_PAUSED' });
    expect(halts).toEqual(['ACCOUNT_SENDING_PAUSED']);
    expect(halt.trips).toBe(1);
    expect(messages.items.size).toBe(0);
    expect(second.retry).toBe(true);
    expect(Object.values(second.recipients)[0]).toMatchObject({ status: 'deferred' });
  });

  it('does not hand SES what would go over the daily quota: the request waits in the queue', async () => {
    const person = subscribedContact(WS, contactId());
    const limits: SendLimits = {
      acquire: async () => {
        throw new SendLimitReachedError('quota reached', 'daily');
      },
    };
    const { deps, messages } = setup([person], { limits });
    const out = await sendBatch(request([person]), deps, options());
    expect(mailerOf(deps).calls).toHaveLength(0);
    expect(out.retry).toBe(true);
    expect(out.dailyQuota).toBe(true);
    expect(messages.items.size).toBe(0);
  });

  it('tells a rate wait from the daily quota: only the quota pauses a campaign', async () => {
    const person = subscribedContact(WS, contactId());
    const limits: SendLimits = {
      acquire: async () => {
        throw new SendLimitReachedError('the send rate would hold this batch 30000 ms', 'rate');
      },
    };
    const { deps } = setup([person], { limits });
    const out = await sendBatch(request([person]), deps, options());
    expect(out.retry).toBe(true);
    expect(out.dailyQuota).toBeUndefined();
  });

  it('loses nothing when GetAccount fails: nothing went to SES, the claims are released and a redelivery sends', async () => {
    const people = [0, 1].map(() => subscribedContact(WS, contactId()));
    let reads = 0;
    const limits: SendLimits = {
      acquire: async () => {
        reads++;
        if (reads === 1) throw new Error('TooManyRequestsException: GetAccount rate exceeded');
      },
    };
    const { deps, messages } = setup(people, { limits });
    const req = request(people);

    const out = await sendBatch(req, deps, options());

    expect(mailerOf(deps).calls).toHaveLength(0);
    expect(out.retry).toBe(true);
    expect(messages.items.size).toBe(0);
    const again = await sendBatch(req, deps, options());
    expect(Object.values(again.recipients).map((o) => o.status)).toEqual(['sent', 'sent']);
  });

  it('keeps what SES accepted when GetAccount fails before a retry of the throttled entries', async () => {
    const people = [0, 1].map(() => subscribedContact(WS, contactId()));
    let reads = 0;
    const limits: SendLimits = {
      acquire: async () => {
        reads++;
        if (reads === 2) throw new Error('socket hang up');
      },
    };
    const mailer = scriptedMailer((b) =>
      b.emails.map(
        (e, i): EntryResult =>
          i === 0
            ? { outcome: 'sent', sesMessageId: `ses-${e.messageId}` }
            : { outcome: 'retry', reason: 'ACCOUNT_THROTTLED' },
      ),
    );
    const { deps, messages } = setup(people, { limits, mailer });
    const req = request(people);
    const [a, b] = req.recipients.map((r) => r.messageId);

    const out = await sendBatch(req, deps, options());

    expect(out.recipients[a ?? '']?.status).toBe('sent');
    expect(out.recipients[b ?? '']?.status).toBe('deferred');
    // Accepted: kept claimed (never released, never resent) until SES's Send event makes it sent.
    expect(messages.items.get(`${WS}/${people[0]?.id}/${a}`)?.status).toBe('claimed');
    expect(messages.items.has(`${WS}/${people[1]?.id}/${b}`)).toBe(false);
  });

  it('releases the claims of a request that fails while claiming, so its redelivery sends every recipient', async () => {
    const people = [0, 1, 2].map(() => subscribedContact(WS, contactId()));
    const { deps, messages } = setup(people);
    const failing = people[1]?.id;
    let failed = false;
    const flaky: typeof messages = {
      ...messages,
      create: async (ws, contactId, message, retention) => {
        if (contactId === failing && !failed) {
          failed = true;
          throw new Error('ProvisionedThroughputExceededException');
        }
        return messages.create(ws, contactId, message, retention);
      },
    };
    const req = request(people);

    await expect(sendBatch(req, { ...deps, messages: flaky }, options())).rejects.toThrow(
      'ProvisionedThroughputExceededException',
    );
    expect(mailerOf(deps).calls).toHaveLength(0);
    expect(messages.items.size).toBe(0);

    const again = await sendBatch(req, { ...deps, messages: flaky }, options());
    expect(Object.values(again.recipients).map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('keeps a message whose outcome is unknown claimed, so it is never resent', async () => {
    const person = subscribedContact(WS, contactId());
    const mailer = scriptedMailer((b) =>
      b.emails.map(() => ({ outcome: 'unknown', reason: 'socket hang up' })),
    );
    const { deps, messages } = setup([person], { mailer });
    const req = request([person]);
    const out = await sendBatch(req, deps, options());
    expect(out.retry).toBe(false);
    expect(messages.items.get(`${WS}/${person.id}/${req.recipients[0]?.messageId}`)).toMatchObject({
      status: 'claimed',
      reason: 'outcome unknown: socket hang up',
    });
  });

  it('sends a test send to the given address whatever the contact consented to', async () => {
    const person = subscribedContact(WS, contactId(), { consent: {} });
    const { deps } = setup([person]);
    const req = request([person]);
    const tested = {
      ...req,
      origin: 'test',
      recipients: [{ ...req.recipients[0], to: 'marketer@shop.example' }],
    };
    const out = await sendBatch(sendRequestSchema.parse(tested), deps, options());
    expect(Object.values(out.recipients)[0]?.status).toBe('sent');
    expect(mailerOf(deps).calls[0]?.emails[0]).toMatchObject({ to: 'marketer@shop.example' });
  });

  it("never puts the contact's own unsubscribe links in a test send: the tester's one-click must not unsubscribe the contact", async () => {
    const person = subscribedContact(WS, contactId());
    const { deps } = setup([person]);
    const req = request([person]);
    const tested = {
      ...req,
      origin: 'test',
      recipients: [{ ...req.recipients[0], to: 'marketer@shop.example' }],
    };

    const out = await sendBatch(sendRequestSchema.parse(tested), deps, options());

    expect(Object.values(out.recipients)[0]?.status).toBe('sent');
    const [email] = mailerOf(deps).calls[0]?.emails ?? [];
    const header = (email as { headers?: { name: string; value: string }[] } | undefined)?.headers;
    expect(header?.find((h) => h.name === 'List-Unsubscribe')?.value).toBe(`<${INERT_LINKS.oneClickUrl}>`);
    expect(JSON.stringify(email)).not.toContain(linksFor(person.id).unsubscribeUrl);
  });
});

describe('sendRequestSchema', () => {
  it('takes at most 50 recipients, unique message ids, and `to` only on test sends', () => {
    const person = subscribedContact(WS, contactId());
    const one = request([person]);
    const many = {
      ...one,
      recipients: Array.from({ length: 51 }, () => ({
        contactId: person.id,
        messageId: newMessageId(new Date()),
      })),
    };
    expect(sendRequestSchema.safeParse(many).success).toBe(false);
    const twice = { ...one, recipients: [one.recipients[0], one.recipients[0]] };
    expect(sendRequestSchema.safeParse(twice).success).toBe(false);
    const redirected = { ...one, recipients: [{ ...one.recipients[0], to: 'x@example.com' }] };
    expect(sendRequestSchema.safeParse(redirected).success).toBe(false);
    expect(sendRequestSchema.safeParse({ ...redirected, origin: 'test' }).success).toBe(true);
  });

  it('refuses a test send or an alert without `to`: it would reach the contact unchecked for consent and suppression', () => {
    const person = subscribedContact(WS, contactId());
    for (const origin of ['test', 'alert'] as const) {
      const parsed = sendRequestSchema.safeParse({ ...request([person]), origin });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['recipients']);
    }
  });
});
