/**
 * The frequency cap against DynamoDB Local and the local SES: sends racing for the same contact's
 * last allowance (only one wins), transactional email never counted, nothing read or written for the
 * cap when the workspace has none, a campaign recipient over the cap recorded `k` in its chunk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { awsEndpoint } from '../../functions/shared/aws-endpoint.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import { campaignMessageId } from '../../lib/campaigns/send/campaign-message-id.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { addChunk, emptyTally } from '../../lib/campaigns/send/progress.ts';
import { sendChunk } from '../../lib/campaigns/send/send-chunk.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { messageKey, newMessageId } from '../../lib/email/message.schema.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { FREQUENCY_CAP_REASON } from '../../lib/email/send/frequency-cap.ts';
import { frequencyCapsRepository } from '../../lib/email/send/frequency-caps.repository.ts';
import type { Mailer } from '../../lib/email/send/ports.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { timelineEntryRecord } from '../../lib/events/timeline.schema.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { type Clock, fixedClock, systemClock } from '../../lib/shared/clock.ts';
import { GetCommand, PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { readItem, type Table } from '../../lib/shared/table.ts';
import type { FrequencyCap } from '../../lib/workspaces/email-settings.schema.ts';
import {
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  memoryHalt,
  noLimits,
  scriptedMailer,
} from '../support/email-fakes.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { emailWorkspace, storeContact } from './email-workspace.ts';
import { type RealDeps, realDeps, realTable } from './real-deps.ts';

let services: LocalServices;
let real: RealDeps;
const REF = { templateId: 'newsletter', version: 1 };
const TX = { templateId: 'receipt', version: 1 };
const LAUNCH = new Date('2026-11-30T09:00:00.000Z');

beforeAll(() => {
  services = useLocalServices();
  real = realDeps();
});

/** An email workspace in UTC, with a frequency cap when given. */
const workspaceCapped = (frequencyCap?: FrequencyCap) =>
  emailWorkspace(real, { defaultTimeZone: 'UTC', ...(frequencyCap ? { frequencyCap } : {}) });

const ses = () => new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 });

const deps = (ws: string, over: { table?: Table; clock?: Clock; mailer?: Mailer } = {}): SendDeps => {
  const table = over.table ?? real.table;
  return {
    workspaces: workspaceReader(real.workspaces),
    contacts: contactReader(real.contacts),
    templates: fakeTemplates([fakeTemplate(REF, 'marketing'), fakeTemplate(TX, 'transactional')]),
    subscriptions: fakeSubscriptions(),
    senders: fakeSenders({ ok: true, from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>` }),
    pauses: fakePauses(),
    messages: messagesRepository(table),
    mailer: over.mailer ?? sesBulkMailer(ses(), { configurationSet: 'ecrm-local' }),
    halt: memoryHalt(),
    limits: noLimits,
    caps: frequencyCapsRepository(table),
    clock: over.clock ?? systemClock,
    onHalt: () => {},
  };
};

const OPTIONS = {
  deliver: { attempts: 1, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt: false,
};

const requestTo = (ws: string, people: readonly Contact[], over: Partial<SendRequest> = {}): SendRequest =>
  sendRequestSchema.parse({
    workspaceId: ws,
    kind: 'marketing',
    origin: 'journey',
    originId: 'jr_1',
    template: REF,
    recipients: people.map((c) => ({ contactId: c.id, messageId: newMessageId(new Date()) })),
    ...over,
  });

const capItem = async (ws: string, contactId: string) => {
  const { Item } = await real.table.client.send(
    new GetCommand({
      TableName: real.table.name,
      Key: keys.frequencyCap(ws, contactId),
      ConsistentRead: true,
    }),
  );
  return Item;
};

const statusOf = (out: Awaited<ReturnType<typeof sendBatch>>, req: SendRequest) =>
  req.recipients.map((r) => out.recipients[r.messageId]?.status);

describe('a frequency cap of 1', () => {
  it('lets exactly one of four sends racing for the same contact through; the others are capped', async () => {
    const ws = await emailWorkspace(real, {
      defaultTimeZone: 'UTC',
      frequencyCap: { limit: 1, period: 1, unit: 'days' },
    });
    const ana = await storeContact(real, ws);
    const requests = [0, 1, 2, 3].map(() => requestTo(ws, [ana]));

    const outs = await Promise.all(requests.map((r) => sendBatch(r, deps(ws), OPTIONS)));

    const statuses = outs.flatMap((o, i) => statusOf(o, requests[i] as SendRequest)).sort();
    expect(statuses).toEqual(['capped', 'capped', 'capped', 'sent']);
    expect(await readStoredEmails(services.sesEndpoint, { to: ana.email ?? '' })).toHaveLength(1);
    // The capped ones are in the contact's timeline as refused, with the reason.
    const capped = requests.filter(
      (_, i) => outs[i]?.recipients[requests[i]?.recipients[0]?.messageId ?? '']?.status === 'capped',
    );
    for (const req of capped) {
      const { Item } = await real.table.client.send(
        new GetCommand({
          TableName: real.table.name,
          Key: messageKey(ws, ana.id, req.recipients[0]?.messageId ?? ''),
          ConsistentRead: true,
        }),
      );
      expect(readItem(timelineEntryRecord, Item, 'timeline entry').email).toMatchObject({
        status: 'refused',
        reason: FREQUENCY_CAP_REASON,
      });
    }
  });

  it('never counts transactional email: it is always sent, and writes no cap item', async () => {
    const ws = await emailWorkspace(real, {
      defaultTimeZone: 'UTC',
      frequencyCap: { limit: 1, period: 1, unit: 'days' },
    });
    const ana = await storeContact(real, ws);
    for (let i = 0; i < 2; i++) {
      const receipt = requestTo(ws, [ana], { kind: 'transactional', template: TX, origin: 'api' });
      expect(statusOf(await sendBatch(receipt, deps(ws), OPTIONS), receipt)).toEqual(['sent']);
    }
    expect(await capItem(ws, ana.id)).toBeUndefined();
    const news = requestTo(ws, [ana]);
    expect(statusOf(await sendBatch(news, deps(ws), OPTIONS), news)).toEqual(['sent']);
    expect(await capItem(ws, ana.id)).toMatchObject({ type: 'frequencyCap', v: 1, s0: expect.any(Number) });
  });
});

describe('the frequency cap in the table', () => {
  it('counts exactly `limit` of many sends racing for one contact', async () => {
    const ws = await workspaceCapped();
    const caps = frequencyCapsRepository(real.table);
    const cap: FrequencyCap = { limit: 3, period: 7, unit: 'days' };
    const now = new Date();

    const counted = await Promise.all(
      Array.from({ length: 10 }, () =>
        caps.count(ws, [{ contactId: 'c_busy', messageId: newMessageId(now) }], cap, now),
      ),
    );

    expect(counted.flat()).toHaveLength(3);
    expect(new Set(counted.flat().map((c) => c.slot))).toEqual(new Set([0, 1, 2]));
  });

  it('after the limit is lowered, counts the sends left above it: one of six racing sends fits', async () => {
    const ws = await workspaceCapped();
    const caps = frequencyCapsRepository(real.table);
    const now = new Date();
    // Under a limit of 5 the contact had 2 sends an hour ago, in slots 3 and 4; the limit is now 3.
    const hourAgo = now.getTime() - 3_600_000;
    await real.table.client.send(
      new PutCommand({
        TableName: real.table.name,
        Item: {
          ...keys.frequencyCap(ws, 'c_lowered'),
          type: 'frequencyCap',
          v: 1,
          ttl: 2e9,
          s3: hourAgo,
          s4: hourAgo,
        },
      }),
    );

    const counted = await Promise.all(
      Array.from({ length: 6 }, () =>
        caps.count(
          ws,
          [{ contactId: 'c_lowered', messageId: newMessageId(now) }],
          { limit: 3, period: 7, unit: 'days' },
          now,
        ),
      ),
    );

    expect(counted.flat()).toHaveLength(1);
  });

  it('confirms with a consistent read a cap seen only in an older view (a send given back a moment ago)', async () => {
    const ws = await workspaceCapped();
    const now = new Date();
    // The batch read answers with a view where the contact's one slot is still used (a stale replica).
    const table = realTable();
    const reads: string[] = [];
    table.client.use(async (command, _input, next) => {
      reads.push(command);
      if (command !== 'BatchGetItemCommand') return next();
      const key = keys.frequencyCap(ws, 'c_stale');
      const stale = { pk: { S: key.pk }, sk: { S: key.sk }, type: { S: 'frequencyCap' }, v: { N: '1' } };
      const item = { ...stale, ttl: { N: '2000000000' }, s0: { N: String(now.getTime() - 1000) } };
      return { Responses: { [real.table.name]: [item] }, UnprocessedKeys: {} };
    });
    const caps = frequencyCapsRepository(table);

    const counted = await caps.count(
      ws,
      [{ contactId: 'c_stale', messageId: newMessageId(now) }],
      { limit: 1, period: 1, unit: 'days' },
      now,
    );

    expect(counted).toEqual([expect.objectContaining({ contactId: 'c_stale', slot: 0 })]);
    expect(reads).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'UpdateItemCommand']);
  });

  it('lets a send through again once the oldest has left the window, and expires one period after the last send', async () => {
    const ws = await emailWorkspace(real, {
      defaultTimeZone: 'UTC',
      frequencyCap: { limit: 1, period: 2, unit: 'hours' },
    });
    const ana = await storeContact(real, ws);
    const clock = fixedClock('2026-06-01T10:00:00.000Z');
    const send = async () => {
      const req = requestTo(ws, [ana]);
      return statusOf(await sendBatch(req, deps(ws, { clock }), OPTIONS), req);
    };

    expect(await send()).toEqual(['sent']);
    clock.advance(2 * 3_600_000);
    expect(await send()).toEqual(['capped']);
    clock.advance(1);
    expect(await send()).toEqual(['sent']);
    expect(await capItem(ws, ana.id)).toMatchObject({
      s0: Date.parse('2026-06-01T12:00:00.001Z'),
      ttl: Math.ceil(Date.parse('2026-06-01T14:00:00.001Z') / 1000),
    });
  });

  it('gives back the count of a send SES refused for good', async () => {
    const ws = await emailWorkspace(real, {
      defaultTimeZone: 'UTC',
      frequencyCap: { limit: 1, period: 1, unit: 'days' },
    });
    const ana = await storeContact(real, ws);
    const rejecting = scriptedMailer((batch) =>
      batch.emails.map(() => ({ outcome: 'final', reason: 'MESSAGE_REJECTED' }) as const),
    );
    const refused = requestTo(ws, [ana]);
    expect(statusOf(await sendBatch(refused, deps(ws, { mailer: rejecting }), OPTIONS), refused)).toEqual([
      'failed',
    ]);
    expect(await capItem(ws, ana.id)).not.toHaveProperty('s0');

    const next = requestTo(ws, [ana]);
    expect(statusOf(await sendBatch(next, deps(ws), OPTIONS), next)).toEqual(['sent']);
  });

  it('costs nothing when the workspace has no cap: no cap item read or written', async () => {
    const ws = await workspaceCapped();
    const ana = await storeContact(real, ws);
    const table = realTable();
    const calls: string[] = [];
    table.client.use(async (command, input, next) => {
      calls.push(`${command} ${JSON.stringify(input)}`);
      return next();
    });
    const req = requestTo(ws, [ana]);

    expect(statusOf(await sendBatch(req, deps(ws, { table }), OPTIONS), req)).toEqual(['sent']);

    // The send's own writes (its claim) went through the counted client; none names a cap key.
    expect(calls.some((c) => c.startsWith('PutItem'))).toBe(true);
    expect(calls.filter((c) => c.includes('"sk":{"S":"FC"}'))).toEqual([]);
    expect(await capItem(ws, ana.id)).toBeUndefined();
  });
});

describe('a campaign chunk under a frequency cap', () => {
  it('records a recipient over the cap as `k` in its chunk, counted as capped, and sends the others', async () => {
    const ws = await emailWorkspace(real, {
      defaultTimeZone: 'UTC',
      frequencyCap: { limit: 1, period: 1, unit: 'days' },
    });
    const [ana, bo] = [await storeContact(real, ws), await storeContact(real, ws)];
    // Ana had a journey email an hour ago: her allowance for the day is used.
    const earlier = requestTo(ws, [ana]);
    expect(statusOf(await sendBatch(earlier, deps(ws), OPTIONS), earlier)).toEqual(['sent']);
    const chunks = chunksRepository(real.table);
    const ref = { workspaceId: ws, campaignId: newId('cmp'), shard: 0, page: 0 };
    await chunks.create(ref, [ana.id, bo.id]);

    const out = await sendChunk(
      { ...ref, wave: 0 },
      {
        campaign: async () => ({ status: 'sending', template: REF, startedAt: LAUNCH.toISOString() }),
        chunks,
        send: deps(ws),
      },
      OPTIONS,
    );

    expect(out.status).toBe('sent');
    const annaId = campaignMessageId(ref.campaignId, LAUNCH, ana.id);
    expect(out.status === 'sent' && out.batch.recipients[annaId]).toEqual({
      status: 'capped',
      reason: FREQUENCY_CAP_REASON,
    });
    const chunk = await chunks.get(ref);
    expect(chunk?.states).toEqual(['k', 's']);
    expect(chunk && addChunk(emptyTally(), chunk)).toMatchObject({ audience: 2, sent: 1, capped: 1 });
    expect(await readStoredEmails(services.sesEndpoint, { to: ana.email ?? '' })).toHaveLength(1);
    expect(await readStoredEmails(services.sesEndpoint, { to: bo.email ?? '' })).toHaveLength(1);
  });
});
