/** The send path against SES's failure paths (aws-sdk-client-mock): what a local SES cannot produce. */
import { type BulkEmailEntryResult, BulkEmailStatus } from '@aws-sdk/client-sesv2';
import { beforeEach, describe, expect, it } from 'vitest';
import { newMessageId } from '../../lib/email/message.schema.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { sendLimits } from '../../lib/email/send/send-limits.ts';
import { sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { sesAccountQuota } from '../../lib/email/send/ses-account.ts';
import { PASS_THROUGH_TEMPLATE, sesBulkMailer, sesSingleMailer } from '../../lib/email/send/ses-mailer.ts';
import {
  GetAccountCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  SesClient,
} from '../../lib/shared/aws/sesv2.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
import {
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
  subscribedContact,
} from '../support/email-fakes.ts';
import { awsError, mockSesClient } from '../support/mock-aws-client.ts';

const ses = mockSesClient();
const pausedEntries: BulkEmailEntryResult[] = [
  { Status: BulkEmailStatus.ACCOUNT_SENDING_PAUSED },
  { Status: BulkEmailStatus.ACCOUNT_SENDING_PAUSED },
];
const client = new SesClient(
  {
    region: 'us-east-1',
    url: 'https://email.us-east-1.amazonaws.com',
    credentials: () => ({ accessKeyId: 'a', secretAccessKey: 's' }),
  },
  { maxAttempts: 1 },
);
const WS = 'ws_ses_mock';
const NOW = '2026-06-01T10:00:00.000Z';
const REF = { templateId: 'newsletter', version: 1 };

let sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

const setup = (count: number, over: Partial<SendDeps> = {}) => {
  const people = Array.from({ length: count }, () => subscribedContact(WS, newId('c', new Date(NOW))));
  const messages = memoryMessages();
  const halt = memoryHalt();
  const alerts: string[] = [];
  const deps: SendDeps = {
    workspaces: memoryWorkspaces(WS),
    contacts: memoryContacts(people),
    templates: fakeTemplates([fakeTemplate(REF, 'marketing')]),
    subscriptions: fakeSubscriptions(),
    senders: fakeSenders({ ok: true, from: '"Shop" <news@shop.example>', tenantName: 'ecrm-ws_ses_mock' }),
    pauses: fakePauses(),
    messages,
    mailer: sesBulkMailer(client, { configurationSet: 'ecrm' }),
    halt,
    limits: noLimits,
    caps: memoryFrequencyCaps(),
    clock: fixedClock(NOW),
    onHalt: (r) => alerts.push(r),
    ...over,
  };
  const request = sendRequestSchema.parse({
    workspaceId: WS,
    kind: 'marketing',
    origin: 'campaign',
    originId: 'cmp_1',
    template: REF,
    recipients: people.map((c) => ({ contactId: c.id, messageId: newMessageId(new Date(NOW)) })),
  });
  return { deps, request, people, messages, halt, alerts };
};

const options = { deliver: { attempts: 4, baseDelayMs: 100, random: () => 1, sleep }, lastAttempt: false };
const bulkCalls = () => ses.commandCalls(SendBulkEmailCommand).map((c) => c.args[0].input);
const recipientsOf = (i: number) =>
  bulkCalls()[i]?.BulkEmailEntries?.map((e) => e.Destination?.ToAddresses?.[0]);

describe('sending through SES SendBulkEmail', () => {
  beforeEach(() => {
    ses.reset();
    sleeps = [];
  });

  it('passes our rendering through an inline template, with per-entry headers, tags, configuration set and tenant', async () => {
    ses
      .on(SendBulkEmailCommand)
      .resolves({ BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'ses-1' }] });
    const { deps, request, people } = setup(1);

    await sendBatch(request, deps, options);

    const input = bulkCalls()[0];
    expect(input).toMatchObject({
      FromEmailAddress: '"Shop" <news@shop.example>',
      ConfigurationSetName: 'ecrm',
      TenantName: 'ecrm-ws_ses_mock',
      DefaultContent: { Template: { TemplateContent: PASS_THROUGH_TEMPLATE } },
    });
    const entry = input?.BulkEmailEntries?.[0];
    expect(entry?.Destination?.ToAddresses).toEqual([people[0]?.email]);
    expect(
      JSON.parse(entry?.ReplacementEmailContent?.ReplacementTemplate?.ReplacementTemplateData ?? ''),
    ).toMatchObject({
      subject: 'Hello Ana',
      html: expect.stringContaining('Unsubscribe'),
      text: 'Hello Ana',
    });
    expect(entry?.ReplacementHeaders?.map((h) => h.Name)).toEqual([
      'List-Unsubscribe',
      'List-Unsubscribe-Post',
    ]);
    expect(entry?.ReplacementTags?.map((t) => t.Name)).toEqual([
      'ecrm-ws',
      'ecrm-contact',
      'ecrm-message',
      'ecrm-kind',
      'ecrm-origin',
      'ecrm-origin-id',
    ]);
  });

  it('retries only the throttled and transiently failed entries, with backoff, and never resends a SUCCESS', async () => {
    ses
      .on(SendBulkEmailCommand)
      .resolvesOnce({
        BulkEmailEntryResults: [
          { Status: 'SUCCESS', MessageId: 'ses-0' },
          { Status: 'ACCOUNT_THROTTLED', Error: 'Maximum sending rate exceeded.' },
          { Status: 'MESSAGE_REJECTED', Error: 'Email address is on the suppression list' },
          { Status: 'TRANSIENT_FAILURE', Error: 'try later' },
        ],
      })
      .resolvesOnce({
        BulkEmailEntryResults: [
          { Status: 'SUCCESS', MessageId: 'ses-1' },
          { Status: 'ACCOUNT_THROTTLED', Error: 'Maximum sending rate exceeded.' },
        ],
      })
      .resolves({ BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'ses-3' }] });
    const { deps, request, people, messages } = setup(4);

    const out = await sendBatch(request, deps, options);

    expect(recipientsOf(0)).toEqual(people.map((p) => p.email));
    expect(recipientsOf(1)).toEqual([people[1]?.email, people[3]?.email]);
    expect(recipientsOf(2)).toEqual([people[3]?.email]);
    expect(sleeps).toEqual([100, 200]);
    const ids = request.recipients.map((r) => r.messageId);
    expect(ids.map((id) => out.recipients[id])).toEqual([
      { status: 'sent', sesMessageId: 'ses-0' },
      { status: 'sent', sesMessageId: 'ses-1' },
      { status: 'failed', reason: 'MESSAGE_REJECTED: Email address is on the suppression list' },
      { status: 'sent', sesMessageId: 'ses-3' },
    ]);
    expect(messages.items.get(`${WS}/${people[2]?.id}/${ids[2]}`)?.status).toBe('failed');
  });

  it('backs off when the whole call is throttled (TooManyRequestsException), then sends', async () => {
    ses
      .on(SendBulkEmailCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 'Too many requests'))
      .resolves({ BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'ses-0' }] });
    const { deps, request } = setup(1);
    const out = await sendBatch(request, deps, options);
    expect(bulkCalls()).toHaveLength(2);
    expect(sleeps).toEqual([100]);
    expect(Object.values(out.recipients)).toEqual([{ status: 'sent', sesMessageId: 'ses-0' }]);
  });

  it.each([
    ['an ACCOUNT_SENDING_PAUSED entry', { BulkEmailEntryResults: pausedEntries }],
    ['AccountSuspendedException', awsError('AccountSuspendedException', 'suspended')],
    ['SendingPausedException', awsError('SendingPausedException', 'paused')],
  ])('halts all sending with one alert on %s', async (_what, answer) => {
    if (answer instanceof Error) ses.on(SendBulkEmailCommand).rejects(answer);
    else ses.on(SendBulkEmailCommand).resolves(answer);
    const { deps, request, alerts, messages } = setup(2);

    const out = await sendBatch(request, deps, options);
    const again = await sendBatch(setup(2, { halt: deps.halt }).request, { ...deps }, options);

    expect(bulkCalls()).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    expect(out.retry).toBe(true);
    expect(again.retry).toBe(true);
    expect(messages.items.size).toBe(0);
  });

  it('fails alone an entry too large for SES, so it cannot fail the whole call', async () => {
    ses
      .on(SendBulkEmailCommand)
      .resolves({ BulkEmailEntryResults: [{ Status: 'SUCCESS', MessageId: 'ses-1' }] });
    const { deps, request, people } = setup(2);
    const huge = { ...fakeTemplate(REF, 'marketing') };
    const templates = fakeTemplates([
      {
        ...huge,
        render: (input) => {
          const out = fakeTemplate(REF, 'marketing').render(input);
          if (!out.ok || input.contact.id !== people[0]?.id) return out;
          return { ok: true, email: { ...out.email, html: 'x'.repeat(300_000) } };
        },
      },
    ]);

    const out = await sendBatch(request, { ...deps, templates }, options);

    expect(recipientsOf(0)).toEqual([people[1]?.email]);
    expect(out.recipients[request.recipients[0]?.messageId ?? '']).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/too large for SES/),
    });
    expect(out.recipients[request.recipients[1]?.messageId ?? '']?.status).toBe('sent');
  });

  it('never resends when the call fails without saying whether SES accepted it', async () => {
    ses.on(SendBulkEmailCommand).rejects(new Error('socket hang up'));
    const { deps, request, messages } = setup(2);
    const out = await sendBatch(request, deps, options);
    expect(bulkCalls()).toHaveLength(1);
    expect(out.retry).toBe(false);
    expect([...messages.items.values()].map((m) => m.status)).toEqual(['claimed', 'claimed']);
  });

  it('reads GetAccount once per minute per container, paces at the rate and stops at the daily quota', async () => {
    ses
      .on(GetAccountCommand)
      .resolves({ SendQuota: { MaxSendRate: 10, Max24HourSend: 1000, SentLast24Hours: 995 } });
    ses.on(SendBulkEmailCommand).callsFake((input) => ({
      BulkEmailEntryResults: (input.BulkEmailEntries ?? []).map((_, i) => ({
        Status: 'SUCCESS',
        MessageId: `s-${i}`,
      })),
    }));
    const clock = fixedClock(NOW);
    const limits = sendLimits({ readAccount: sesAccountQuota(client), clock, sleep, containers: 2 });
    const first = setup(4, { limits, clock });
    const second = setup(4, { limits, clock });

    const out1 = await sendBatch(first.request, first.deps, options);
    const out2 = await sendBatch(second.request, second.deps, options);

    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(1);
    expect(Object.values(out1.recipients).every((o) => o.status === 'sent')).toBe(true);
    // 4 sent at 5/s (10/s shared by 2 containers); the next 4 would pass 1000 in 24 h: not handed to SES.
    expect(bulkCalls()).toHaveLength(1);
    expect(out2.retry).toBe(true);
    expect(second.messages.items.size).toBe(0);
  });
});

describe('sending through SES SendEmail (one call per recipient)', () => {
  beforeEach(() => ses.reset());

  it('sends each recipient with Simple content, headers and tags, and classifies each answer', async () => {
    ses
      .on(SendEmailCommand)
      .resolvesOnce({ MessageId: 'ses-a' })
      .rejectsOnce(awsError('TooManyRequestsException', 'slow down'))
      .resolves({ MessageId: 'ses-b' });
    const { deps, request } = setup(2, {
      mailer: sesSingleMailer(client, { configurationSet: 'ecrm', concurrency: 1 }),
    });

    const out = await sendBatch(request, deps, options);

    const calls = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(3);
    expect(calls[0]?.Content?.Simple?.Headers?.map((h) => h.Name)).toEqual([
      'List-Unsubscribe',
      'List-Unsubscribe-Post',
    ]);
    expect(calls[0]?.EmailTags?.find((t) => t.Name === 'ecrm-message')?.Value).toBe(
      request.recipients[0]?.messageId,
    );
    expect(Object.values(out.recipients).map((o) => o.status)).toEqual(['sent', 'sent']);
  });
});
