/**
 * The frequency cap: its window maths (pure), its setting's validation, and what the send path does
 * with it (in-memory ports; test/integration/frequency-cap.test.ts has the table and its races).
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import {
  capWindowMs,
  FREQUENCY_CAP_REASON,
  freeSlot,
  sendsInWindow,
  windowStart,
} from '../../lib/email/send/frequency-cap.ts';
import type { EntryResult } from '../../lib/email/send/ports.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import { emailSettingsSchema, type FrequencyCap } from '../../lib/workspaces/email-settings.schema.ts';
import {
  acceptAll,
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  memoryContacts,
  memoryFrequencyCaps,
  memoryHalt,
  memoryMessages,
  memoryWorkspaces,
  noLimits,
  scriptedMailer,
  subscribedContact,
} from '../support/email-fakes.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-06-01T10:00:00.000Z');
const threePerWeek: FrequencyCap = { limit: 3, period: 7, unit: 'days' };
const onePerDay: FrequencyCap = { limit: 1, period: 24, unit: 'hours' };

describe('the cap window', () => {
  it('is the period in hours or days', () => {
    expect(capWindowMs(threePerWeek)).toBe(7 * DAY);
    expect(capWindowMs(onePerDay)).toBe(DAY);
    expect(windowStart({ limit: 2, period: 6, unit: 'hours' }, NOW)).toBe(NOW - 6 * HOUR);
  });

  it('counts the sends inside the window, the window start included', () => {
    const since = windowStart(threePerWeek, NOW);
    const slots = new Map([
      [0, since - 1],
      [1, since],
      [2, NOW],
    ]);
    expect(sendsInWindow(slots, since)).toBe(2);
  });

  const taking = (take: number, alsoFree: number[] = []) => ({ take, alsoFree });

  it('takes the lowest empty slot first', () => {
    const since = windowStart(threePerWeek, NOW);
    expect(freeSlot(new Map(), 3, since)).toEqual(taking(0));
    expect(freeSlot(new Map([[0, NOW - DAY]]), 3, since)).toEqual(taking(1));
    expect(
      freeSlot(
        new Map([
          [0, NOW - DAY],
          [2, NOW - 8 * DAY],
        ]),
        3,
        since,
      ),
    ).toEqual(taking(1));
  });

  it('with every slot used, takes the one whose send is oldest and left the window', () => {
    const since = windowStart(threePerWeek, NOW);
    const slots = new Map([
      [0, NOW - DAY],
      [1, NOW - 8 * DAY],
      [2, NOW - 9 * DAY],
    ]);
    expect(freeSlot(slots, 3, since)).toEqual(taking(2));
  });

  it('refuses a send when the window already holds `limit` sends', () => {
    const since = windowStart(threePerWeek, NOW);
    const full = new Map([
      [0, NOW - DAY],
      [1, NOW - 6 * DAY],
      [2, NOW],
    ]);
    expect(freeSlot(full, 3, since)).toBeUndefined();
    // One day later the 6-day-old send is 7 days old and out: its slot is free again.
    expect(freeSlot(full, 3, windowStart(threePerWeek, NOW + DAY + 1))).toEqual(taking(1));
  });

  it('counts the sends left above a lowered limit, and keeps as many slots free below it', () => {
    const since = windowStart({ limit: 3, period: 7, unit: 'days' }, NOW);
    // The limit was 5: two sends of the last day sit in slots 3 and 4.
    const slots = new Map([
      [0, NOW - 8 * DAY],
      [3, NOW - DAY],
      [4, NOW - DAY],
    ]);
    expect(freeSlot(slots, 2, since)).toBeUndefined();
    // Under a limit of 3 one more may go: it takes slot 1, and its write checks that slots 2 and 0
    // are still free (another send taking either meanwhile would make 4).
    expect(freeSlot(slots, 3, since)).toEqual(taking(1, [2, 0]));
    // Under 4, slot 3 is below the limit and counted as any other: one more slot is checked (for 4).
    expect(freeSlot(slots, 4, since)).toEqual(taking(1, [2]));
    // Once they have left the window, nothing else is checked.
    expect(freeSlot(slots, 3, windowStart(threePerWeek, NOW + 6 * DAY + 1))).toEqual(taking(1));
  });
});

describe('the frequency cap setting', () => {
  const issuePath = (input: unknown) => {
    const parsed = emailSettingsSchema.safeParse({ frequencyCap: input });
    return parsed.success ? undefined : parsed.error.issues[0]?.path.join('.');
  };

  it('is off unless set, and takes hours or days', () => {
    expect(emailSettingsSchema.parse({}).frequencyCap).toBeUndefined();
    expect(emailSettingsSchema.parse({ frequencyCap: threePerWeek }).frequencyCap).toEqual(threePerWeek);
    expect(
      emailSettingsSchema.parse({ frequencyCap: { limit: 1, period: 2160, unit: 'hours' } }),
    ).toBeTruthy();
    expect(
      emailSettingsSchema.parse({ frequencyCap: { limit: 100, period: 90, unit: 'days' } }),
    ).toBeTruthy();
  });

  it('refuses a bad cap naming the field', () => {
    expect(issuePath({ limit: 0, period: 7, unit: 'days' })).toBe('frequencyCap.limit');
    expect(issuePath({ limit: 101, period: 7, unit: 'days' })).toBe('frequencyCap.limit');
    expect(issuePath({ limit: 2.5, period: 7, unit: 'days' })).toBe('frequencyCap.limit');
    expect(issuePath({ limit: 3, period: 0, unit: 'days' })).toBe('frequencyCap.period');
    expect(issuePath({ limit: 3, period: 91, unit: 'days' })).toBe('frequencyCap.period');
    expect(issuePath({ limit: 3, period: 2161, unit: 'hours' })).toBe('frequencyCap.period');
    expect(issuePath({ limit: 3, period: 7, unit: 'weeks' })).toBe('frequencyCap.unit');
    expect(issuePath({ limit: 3, period: 7 })).toBe('frequencyCap.unit');
    expect(issuePath({ limit: 3, period: 7, unit: 'days', per: 'contact' })).toBe('frequencyCap');
  });
});

const WS = 'ws_cap_test';
const REF = { templateId: 'newsletter', version: 3 };
const TX = { templateId: 'receipt', version: 1 };
const POSTAL = '1 Main Street, Springfield 12345';

const setup = (contacts: readonly Contact[], cap?: FrequencyCap, over: Partial<SendDeps> = {}) => {
  const messages = memoryMessages();
  const caps = memoryFrequencyCaps();
  const clock = fixedClock(new Date(NOW).toISOString());
  const deps: SendDeps = {
    workspaces: memoryWorkspaces(WS, { postalAddress: POSTAL, ...(cap ? { frequencyCap: cap } : {}) }),
    contacts: memoryContacts(contacts),
    templates: fakeTemplates([fakeTemplate(REF, 'marketing'), fakeTemplate(TX, 'transactional')]),
    subscriptions: fakeSubscriptions(),
    senders: fakeSenders(),
    pauses: fakePauses(),
    messages,
    mailer: acceptAll(),
    halt: memoryHalt(),
    limits: noLimits,
    caps,
    clock,
    onHalt: () => {},
    ...over,
  };
  return { deps, messages, caps, clock };
};

const options = (lastAttempt = false) => ({
  deliver: { attempts: 1, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt,
});

const request = (contacts: readonly Contact[], over: Partial<SendRequest> = {}): SendRequest =>
  sendRequestSchema.parse({
    workspaceId: WS,
    kind: 'marketing',
    origin: 'journey',
    originId: 'jr_1',
    template: REF,
    recipients: contacts.map((c) => ({ contactId: c.id, messageId: newMessageId(new Date(NOW)) })),
    ...over,
  });

const person = () => subscribedContact(WS, newId('c', new Date(NOW)));
const idOf = (req: SendRequest, i = 0) => req.recipients[i]?.messageId ?? '';

describe('the send path under a frequency cap', () => {
  it('sends up to the cap, then records the recipient capped (refused, frequency-cap) and never hands it to SES', async () => {
    const ana = person();
    const { deps, messages, clock } = setup([ana], { limit: 2, period: 7, unit: 'days' });
    const first = request([ana]);
    const second = request([ana]);
    const third = request([ana]);

    expect((await sendBatch(first, deps, options())).recipients[idOf(first)]?.status).toBe('sent');
    clock.advance(HOUR);
    expect((await sendBatch(second, deps, options())).recipients[idOf(second)]?.status).toBe('sent');
    clock.advance(HOUR);
    const out = await sendBatch(third, deps, options());

    expect(out).toEqual({
      recipients: { [idOf(third)]: { status: 'capped', reason: FREQUENCY_CAP_REASON } },
      retry: false,
    });
    expect(scriptedCalls(deps)).toBe(2);
    expect(messages.items.get(`${WS}/${ana.id}/${idOf(third)}`)).toMatchObject({
      status: 'refused',
      reason: FREQUENCY_CAP_REASON,
      at: { refused: new Date(NOW + 2 * HOUR).toISOString() },
    });

    // Exactly a week after the first send it still counts; a moment later it has left the window.
    clock.advance(7 * 24 * HOUR - 2 * HOUR);
    const fourth = request([ana]);
    expect((await sendBatch(fourth, deps, options())).recipients[idOf(fourth)]?.status).toBe('capped');
    clock.advance(1);
    const fifth = request([ana]);
    expect((await sendBatch(fifth, deps, options())).recipients[idOf(fifth)]?.status).toBe('sent');
  });

  it('caps each contact on its own in a batch, and sends the others in the one SES call', async () => {
    const [ana, bo] = [person(), person()];
    const { deps } = setup([ana, bo], { limit: 1, period: 1, unit: 'days' });
    await sendBatch(request([ana]), deps, options());

    const both = request([ana, bo]);
    const out = await sendBatch(both, deps, options());

    expect(out.recipients[idOf(both, 0)]).toEqual({ status: 'capped', reason: FREQUENCY_CAP_REASON });
    expect(out.recipients[idOf(both, 1)]?.status).toBe('sent');
    expect(scriptedCalls(deps)).toBe(2);
  });

  it('never caps transactional email, nor counts it', async () => {
    const ana = person();
    const { deps, caps } = setup([ana], { limit: 1, period: 1, unit: 'days' });
    for (let i = 0; i < 3; i++) {
      const receipt = request([ana], { kind: 'transactional', template: TX, origin: 'api' });
      expect((await sendBatch(receipt, deps, options())).recipients[idOf(receipt)]?.status).toBe('sent');
    }
    expect(caps.counts).toBe(0);
    const news = request([ana]);
    expect((await sendBatch(news, deps, options())).recipients[idOf(news)]?.status).toBe('sent');
  });

  it('does not count a test send (it goes to the tester, not the contact)', async () => {
    const ana = person();
    const { deps, caps } = setup([ana], { limit: 1, period: 1, unit: 'days' });
    const test = request([ana], {
      origin: 'test',
      recipients: [{ contactId: ana.id, messageId: newMessageId(new Date(NOW)), to: 'tester@shop.example' }],
    });
    expect((await sendBatch(test, deps, options())).recipients[idOf(test)]?.status).toBe('sent');
    expect(caps.counts).toBe(0);
  });

  it('asks nothing of the cap when the workspace has none', async () => {
    const ana = person();
    const { deps, caps } = setup([ana]);
    for (let i = 0; i < 3; i++) await sendBatch(request([ana]), deps, options());
    expect(caps.counts).toBe(0);
    expect(scriptedCalls(deps)).toBe(3);
  });

  it('counts a redelivered request once: its recipients are duplicates, not counted again', async () => {
    const ana = person();
    const { deps, caps } = setup([ana], { limit: 2, period: 1, unit: 'days' });
    const req = request([ana]);
    await sendBatch(req, deps, options());
    const again = await sendBatch(req, deps, options());

    expect(again.recipients[idOf(req)]).toEqual({ status: 'duplicate' });
    expect(caps.slots.get(`${WS}/${ana.id}`)?.size).toBe(1);
  });

  it('gives the count back when the send fails for good, or is released to be sent again', async () => {
    const ana = person();
    const answers: EntryResult[] = [
      { outcome: 'final', reason: 'MESSAGE_REJECTED' },
      { outcome: 'retry', reason: 'throttled' },
    ];
    let call = 0;
    const mailer = scriptedMailer((batch) =>
      batch.emails.map(() => answers[call++] ?? { outcome: 'sent', sesMessageId: `ses-${call}` }),
    );
    const { deps, caps } = setup([ana], { limit: 1, period: 1, unit: 'days' }, { mailer });

    const rejected = request([ana]);
    expect((await sendBatch(rejected, deps, options())).recipients[idOf(rejected)]?.status).toBe('failed');
    const throttled = request([ana]);
    const deferred = await sendBatch(throttled, deps, options());
    expect(deferred.recipients[idOf(throttled)]?.status).toBe('deferred');
    expect(caps.givenBack).toBe(2);

    // The redelivered request counts its recipient then, and sends it: the cap of 1 was never used.
    const redelivered = await sendBatch(throttled, deps, options());
    expect(redelivered.recipients[idOf(throttled)]?.status).toBe('sent');
    expect(caps.slots.get(`${WS}/${ana.id}`)?.size).toBe(1);
  });

  it('releases its claims when the count fails, so that the retry counts and sends them', async () => {
    const ana = person();
    const broken = memoryFrequencyCaps();
    broken.count = async () => {
      throw new Error('ProvisionedThroughputExceededException');
    };
    const { deps, messages } = setup([ana], { limit: 1, period: 1, unit: 'days' }, { caps: broken });
    const req = request([ana]);

    await expect(sendBatch(req, deps, options())).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(messages.items.size).toBe(0);
    expect(scriptedCalls(deps)).toBe(0);
  });
});

const scriptedCalls = (deps: SendDeps): number =>
  'calls' in deps.mailer && Array.isArray(deps.mailer.calls) ? deps.mailer.calls.length : -1;
