/**
 * The send path against DynamoDB Local and the local SES endpoint, with the real SDK clients: what
 * arrives (headers, parts), what the timeline keeps, and that a redelivered request sends nothing twice.
 * The other capabilities' ports are in-test fakes until their implementations are wired.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendEmailHandler } from '../../functions/email/send-email.handler.ts';
import { awsEndpoint } from '../../functions/shared/aws-endpoint.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { messageKey, newMessageId } from '../../lib/email/message.schema.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { emailRequestsRepository } from '../../lib/email/send/email-requests.repository.ts';
import { frequencyCapsRepository } from '../../lib/email/send/frequency-caps.repository.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { sendingHaltRepository } from '../../lib/email/send/sending-halt.repository.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { timelineEntryRecord } from '../../lib/events/timeline.schema.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { fixedClock, systemClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { keys } from '../../lib/shared/keys.ts';
import { readItem } from '../../lib/shared/table.ts';
import {
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  memoryHalt,
  noLimits,
} from '../support/email-fakes.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { emailWorkspace, POSTAL, storeContact } from './email-workspace.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let services: LocalServices;

const ecrm = async (...args: string[]): Promise<unknown> => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'cli/ecrm.ts', ...args, '--table', services.tableName],
    { env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: services.dynamodbEndpoint } },
  );
  return JSON.parse(stdout);
};
let real: RealDeps;
const ses = () => new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 });
const REF = { templateId: 'newsletter', version: 1 };

beforeAll(() => {
  services = useLocalServices();
  real = realDeps();
});

const deps = (ws: string): SendDeps => ({
  workspaces: workspaceReader(real.workspaces),
  contacts: contactReader(real.contacts),
  templates: fakeTemplates([fakeTemplate(REF, 'marketing')]),
  subscriptions: fakeSubscriptions(),
  senders: fakeSenders({ ok: true, from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>` }),
  pauses: fakePauses(),
  messages: messagesRepository(real.table),
  mailer: sesBulkMailer(ses(), { configurationSet: 'ecrm-local' }),
  halt: memoryHalt(),
  limits: noLimits,
  caps: frequencyCapsRepository(real.table),
  clock: systemClock,
  onHalt: () => {},
});

const requestTo = (ws: string, contacts: readonly Contact[]): SendRequest =>
  sendRequestSchema.parse({
    workspaceId: ws,
    kind: 'marketing',
    origin: 'campaign',
    originId: 'cmp_1',
    template: REF,
    recipients: contacts.map((c) => ({ contactId: c.id, messageId: newMessageId(new Date()) })),
  });

const options = {
  deliver: { attempts: 2, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt: false,
};

const readMessage = async (ws: string, contactId: string, messageId: string) => {
  const { Item } = await real.table.client.send(
    new GetCommand({
      TableName: real.table.name,
      Key: messageKey(ws, contactId, messageId),
      ConsistentRead: true,
    }),
  );
  return readItem(timelineEntryRecord, Item, 'timeline entry');
};

describe('sending through the local SES', () => {
  it('delivers each recipient its email with both unsubscribe headers, records it sent, and never sends it twice', async () => {
    const ws = await emailWorkspace(real);
    const people = [await storeContact(real, ws), await storeContact(real, ws)];
    const request = requestTo(ws, people);

    const out = await sendBatch(request, deps(ws), options);
    const again = await sendBatch(request, deps(ws), options);

    for (const [i, person] of people.entries()) {
      const stored = await readStoredEmails(services.sesEndpoint, { to: person.email ?? '' });
      expect(stored).toHaveLength(1);
      const [email] = stored;
      expect(email).toMatchObject({
        from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>`,
        subject: 'Hello Ana',
        body: { text: 'Hello Ana', html: expect.stringContaining(POSTAL) },
      });
      expect(email?.headers).toEqual([
        { name: 'List-Unsubscribe', value: `<https://ecrm.example/u/${person.id}?one-click>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ]);
      const messageId = request.recipients[i]?.messageId ?? '';
      const entry = await readMessage(ws, person.id, messageId);
      expect(entry).toMatchObject({
        kind: 'email',
        eventId: messageId,
        // Claimed until SES's Send event reaches the feedback loop (test/integration/feedback.test.ts).
        email: {
          status: 'claimed',
          kind: 'marketing',
          origin: 'campaign',
          originId: 'cmp_1',
        },
      });
      expect(out.recipients[messageId]).toEqual({ status: 'sent', sesMessageId: email?.messageId });
      expect(again.recipients[messageId]).toEqual({ status: 'duplicate' });
    }
  });

  it('records a suppressed contact as refused and sends it nothing', async () => {
    const ws = await emailWorkspace(real);
    const person = await storeContact(real, ws, {
      suppression: { reason: 'bounced', at: '2026-01-01T00:00:00.000Z' },
    });
    const request = requestTo(ws, [person]);

    await sendBatch(request, deps(ws), options);

    expect(await readStoredEmails(services.sesEndpoint, { to: person.email ?? '' })).toEqual([]);
    const entry = await readMessage(ws, person.id, request.recipients[0]?.messageId ?? '');
    expect(entry.email).toMatchObject({ status: 'refused', reason: 'suppressed' });
  });

  it('runs a queued request through the send-email handler, dropping a message that is not a request', async () => {
    const ws = await emailWorkspace(real);
    const person = await storeContact(real, ws);
    const request = requestTo(ws, [person]);
    const record = (id: string, body: string) => ({
      messageId: id,
      body,
      attributes: { ApproximateReceiveCount: '1' },
    });
    const event = { Records: [record('q1', JSON.stringify(request)), record('q2', '{"not":"a request"}')] };

    // The SQS event is built by hand: only the fields the handler reads.
    const result = await sendEmailHandler(() => deps(ws))(event as unknown as SQSEvent, {} as never);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(await readStoredEmails(services.sesEndpoint, { to: person.email ?? '' })).toHaveLength(1);
  });
});

describe('the send path stores', () => {
  it('halts once: one item, one outbox event, whoever trips it again', async () => {
    const clock = fixedClock('2026-06-01T00:00:00.000Z');
    const halt = sendingHaltRepository(real.table, clock, 0);
    await halt.clear();
    try {
      expect(await halt.trip('ws_a_test', 'ACCOUNT_SENDING_PAUSED')).toBe(true);
      expect(await halt.trip('ws_b_test', 'AccountSuspendedException')).toBe(false);
      expect(await halt.current()).toBe('ACCOUNT_SENDING_PAUSED');
      const { Item } = await real.table.client.send(
        new GetCommand({ TableName: real.table.name, Key: keys.sendingHalt(), ConsistentRead: true }),
      );
      expect(Item?._ev).toMatchObject({ type: 'email.sending.halted', detail: { workspaceId: 'ws_a_test' } });

      // The operator's view and hand: `ecrm ses status | resume`.
      expect(await ecrm('ses', 'status')).toMatchObject({ halted: { reason: 'ACCOUNT_SENDING_PAUSED' } });
      expect(await ecrm('ses', 'resume')).toMatchObject({ resumed: true });
      expect(await ecrm('ses', 'status')).toEqual({ halted: null });
    } finally {
      await halt.clear();
    }
    expect(await halt.current()).toBeUndefined();
  });

  it('remembers the first message id of an Idempotency-Key, and caps test sends per hour', async () => {
    const ws = await newWorkspace(real);
    const requests = emailRequestsRepository(real.table);
    const now = Math.floor(Date.now() / 1000);
    const first = await requests.remember(
      ws,
      'key-12345',
      { messageId: 'm_1', bodyHash: 'h', ttl: now + 60 },
      now,
    );
    const second = await requests.remember(
      ws,
      'key-12345',
      { messageId: 'm_2', bodyHash: 'h', ttl: now + 60 },
      now,
    );
    expect([first.messageId, second.messageId]).toEqual(['m_1', 'm_1']);

    const hour = '2026-06-01T10:00:00.000Z';
    const admitted = [];
    for (let i = 0; i < 4; i++) admitted.push(await requests.countTestSend(ws, hour, 3, now + 3600));
    expect(admitted).toEqual([true, true, true, false]);
  });
});
