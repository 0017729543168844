/**
 * A campaign chunk as the send path's claim store, against DynamoDB Local and the local SES: every
 * recipient claimed once whatever the number of deliveries racing for it, settled from `c` only, and
 * one email per recipient in the local SES store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { awsEndpoint } from '../../functions/shared/aws-endpoint.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import { campaignMessageId } from '../../lib/campaigns/send/campaign-message-id.ts';
import type { ChunkRef } from '../../lib/campaigns/send/chunk.schema.ts';
import { type ChunksRepository, chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { type CampaignToSend, sendChunk } from '../../lib/campaigns/send/send-chunk.ts';
import type { EmailMessage } from '../../lib/email/message.schema.ts';
import { frequencyCapsRepository } from '../../lib/email/send/frequency-caps.repository.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import { type SendDeps, sendRecorded } from '../../lib/email/send/send-batch.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { newId } from '../../lib/shared/ids.ts';
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
import { emailWorkspace, storePeople } from './email-workspace.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let services: LocalServices;
let real: RealDeps;
let chunks: ChunksRepository;
const REF = { templateId: 'newsletter', version: 1 };
const LAUNCH = new Date('2026-11-30T09:00:00.000Z');

beforeAll(() => {
  services = useLocalServices();
  real = realDeps();
  chunks = chunksRepository(real.table);
});

const chunkRef = (workspaceId: string): ChunkRef => ({
  workspaceId,
  campaignId: newId('cmp'),
  shard: 3,
  page: 1,
});

const claimed = (ref: ChunkRef, contactId: string): { contactId: string; message: EmailMessage } => ({
  contactId,
  message: {
    messageId: campaignMessageId(ref.campaignId, LAUNCH, contactId),
    kind: 'marketing',
    origin: 'campaign',
    templateId: REF.templateId,
    version: REF.version,
    status: 'claimed',
    seen: [],
    at: {},
  },
});

const indexOf = (ref: ChunkRef, contacts: readonly string[]) =>
  new Map(contacts.map((c, i) => [campaignMessageId(ref.campaignId, LAUNCH, c), i]));

const OPTIONS = {
  deliver: { attempts: 2, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt: false,
};

const ses = () => new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 });

/** The send path's ports: the real contacts, workspaces and local SES; fakes for the rest. */
const sendDeps = (ws: string): Omit<SendDeps, 'messages'> => ({
  workspaces: workspaceReader(real.workspaces),
  contacts: contactReader(real.contacts),
  templates: fakeTemplates([fakeTemplate(REF, 'marketing')]),
  subscriptions: fakeSubscriptions(),
  senders: fakeSenders({ ok: true, from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>` }),
  pauses: fakePauses(),
  mailer: sesBulkMailer(ses(), { configurationSet: 'ecrm-local' }),
  halt: memoryHalt(),
  limits: noLimits,
  caps: frequencyCapsRepository(real.table),
  clock: systemClock,
  onHalt: () => {},
});

describe('a campaign chunk', () => {
  it('is written once, every recipient pending', async () => {
    const ref = chunkRef(await newWorkspace(real));
    expect(await chunks.create(ref, ['c_1', 'c_2'])).toBe(true);
    expect(await chunks.create(ref, ['c_1', 'c_2', 'c_3'])).toBe(false);
    expect(await chunks.get(ref)).toMatchObject({
      contacts: ['c_1', 'c_2'],
      states: ['p', 'p'],
      reasons: {},
    });
  });

  it('gives each recipient to exactly one of several deliveries claiming it at once', async () => {
    const ref = chunkRef(await newWorkspace(real));
    const contacts = Array.from({ length: 50 }, (_, i) => `c_${i}`);
    await chunks.create(ref, contacts);
    const entries = contacts.map((c) => claimed(ref, c));
    const won = await Promise.all(
      [0, 1, 2, 3].map(() => chunks.claims(ref, indexOf(ref, contacts)).record(ref.workspaceId, entries, 30)),
    );
    const all = won.flatMap((w) => [...w]);
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    expect((await chunks.get(ref))?.states).toEqual(contacts.map(() => 'c'));
  });

  it('records refusals with their reason, and settles claimed recipients only', async () => {
    const ref = chunkRef(await newWorkspace(real));
    const contacts = ['c_a', 'c_b', 'c_c', 'c_d', 'c_e'];
    await chunks.create(ref, contacts);
    const store = chunks.claims(ref, indexOf(ref, contacts));
    const refused = claimed(ref, 'c_e');
    const recorded = await store.record(
      ref.workspaceId,
      [
        ...contacts.slice(0, 4).map((c) => claimed(ref, c)),
        { ...refused, message: { ...refused.message, status: 'refused', reason: 'unsubscribed' } },
      ],
      30,
    );
    expect(recorded.size).toBe(5);
    const id = (c: string) => campaignMessageId(ref.campaignId, LAUNCH, c);
    await store.settle(ref.workspaceId, [
      { contactId: 'c_a', messageId: id('c_a'), outcome: 'sent', sesMessageId: 'ses-1' },
      { contactId: 'c_b', messageId: id('c_b'), outcome: 'failed', reason: 'MESSAGE_REJECTED', at: '' },
      { contactId: 'c_c', messageId: id('c_c'), outcome: 'unknown', reason: 'socket hang up' },
      { contactId: 'c_d', messageId: id('c_d'), outcome: 'released' },
    ]);
    // A late settle of a recipient already settled changes nothing.
    await store.settle(ref.workspaceId, [{ contactId: 'c_a', messageId: id('c_a'), outcome: 'released' }]);
    expect(await chunks.get(ref)).toMatchObject({
      states: ['s', 'f', 'u', 'p', 'r'],
      reasons: { 1: 'MESSAGE_REJECTED', 2: 'outcome unknown: socket hang up', 4: 'unsubscribed' },
    });
    // The released recipient can be claimed again; the others cannot.
    const again = await store.record(
      ref.workspaceId,
      contacts.map((c) => claimed(ref, c)),
      30,
    );
    expect([...again]).toEqual([id('c_d')]);
  });

  it('cancels what is still pending, nothing else', async () => {
    const ref = chunkRef(await newWorkspace(real));
    const contacts = ['c_a', 'c_b', 'c_c'];
    await chunks.create(ref, contacts);
    await chunks.claims(ref, indexOf(ref, contacts)).record(ref.workspaceId, [claimed(ref, 'c_b')], 30);
    const chunk = await chunks.get(ref);
    expect(chunk && (await chunks.cancelPending(ref, chunk))).toBe(2);
    expect((await chunks.get(ref))?.states).toEqual(['x', 'c', 'x']);
  });
});

describe('sending a campaign chunk through the local SES', () => {
  it('sends each recipient once when the same chunk is delivered three times at once', async () => {
    const ws = await emailWorkspace(real);
    const people = await storePeople(real, ws, 12);
    const ref = { ...chunkRef(ws), workspaceId: ws };
    const ids = people.map((p) => p.id);
    await chunks.create(ref, ids);
    const request: SendRequest = sendRequestSchema.parse({
      workspaceId: ws,
      kind: 'marketing',
      origin: 'campaign',
      originId: ref.campaignId,
      template: REF,
      recipients: ids.map((contactId) => ({
        contactId,
        messageId: campaignMessageId(ref.campaignId, LAUNCH, contactId),
      })),
    });
    const outcomes = await Promise.all(
      [0, 1, 2].map(() =>
        sendRecorded(request, sendDeps(ws), chunks.claims(ref, indexOf(ref, ids)), OPTIONS),
      ),
    );

    const sent = outcomes.flatMap((o) => Object.values(o.recipients).filter((r) => r.status === 'sent'));
    expect(sent).toHaveLength(12);
    for (const person of people)
      expect(await readStoredEmails(services.sesEndpoint, { to: person.email ?? '' })).toHaveLength(1);
    expect((await chunks.get(ref))?.states).toEqual(ids.map(() => 's'));
  });
});

describe('sending a wave of a campaign chunk', () => {
  const campaignIn = (status: CampaignToSend['status']): CampaignToSend => ({
    status,
    template: REF,
    startedAt: LAUNCH.toISOString(),
  });
  const depsFor = (ws: string, status: { current: CampaignToSend['status'] }) => ({
    campaign: async () => campaignIn(status.current),
    chunks,
    send: sendDeps(ws),
  });

  it('sends the pending recipients of its wave once, and records who was refused and why', async () => {
    const ws = await emailWorkspace(real);
    const [a, b, c] = await storePeople(real, ws, 3);
    const [gone] = await storePeople(real, ws, 1, {
      consent: { email: { status: 'unsubscribed', source: 'test', at: '2026-01-01T00:00:00.000Z' } },
    });
    const erased = newId('c');
    const contacts = [a?.id, b?.id, gone?.id, erased, c?.id].map((x) => x ?? '');
    const ref = { ...chunkRef(ws), workspaceId: ws };
    await chunks.create(ref, contacts, [0, 0, 0, 0, 1]);
    const status = { current: 'sending' as CampaignToSend['status'] };

    const [first, again] = await Promise.all([
      sendChunk({ ...ref, wave: 0 }, depsFor(ws, status), OPTIONS),
      sendChunk({ ...ref, wave: 0 }, depsFor(ws, status), OPTIONS),
    ]);

    const sent = [first, again].flatMap((o) =>
      o.status === 'sent' ? Object.values(o.batch.recipients).filter((r) => r.status === 'sent') : [],
    );
    expect(sent).toHaveLength(2);
    expect(await chunks.get(ref)).toMatchObject({
      states: ['s', 's', 'r', 'r', 'p'],
      reasons: { 2: 'unsubscribed', 3: 'no such contact' },
    });
    for (const person of [a, b])
      expect(await readStoredEmails(services.sesEndpoint, { to: person?.email ?? '' })).toHaveLength(1);
    expect(await readStoredEmails(services.sesEndpoint, { to: gone?.email ?? '' })).toEqual([]);
    // The other wave is untouched until its own job comes.
    expect(await readStoredEmails(services.sesEndpoint, { to: c?.email ?? '' })).toEqual([]);
    const later = await sendChunk({ ...ref, wave: 1 }, depsFor(ws, status), OPTIONS);
    expect(later.status).toBe('sent');
    expect((await chunks.get(ref))?.states).toEqual(['s', 's', 'r', 'r', 's']);
  });

  it('leaves a paused campaign’s chunk pending, and cancels what is pending in a cancelled one', async () => {
    const ws = await emailWorkspace(real);
    const people = await storePeople(real, ws, 2);
    const ref = { ...chunkRef(ws), workspaceId: ws };
    await chunks.create(
      ref,
      people.map((p) => p.id),
    );
    const status = { current: 'paused' as CampaignToSend['status'] };

    expect(await sendChunk({ ...ref, wave: 0 }, depsFor(ws, status), OPTIONS)).toEqual({
      status: 'idle',
      why: 'the campaign is paused',
    });
    expect((await chunks.get(ref))?.states).toEqual(['p', 'p']);
    status.current = 'cancelled';
    expect(await sendChunk({ ...ref, wave: 0 }, depsFor(ws, status), OPTIONS)).toEqual({
      status: 'cancelled',
      recipients: 2,
    });
    expect((await chunks.get(ref))?.states).toEqual(['x', 'x']);
    for (const person of people)
      expect(await readStoredEmails(services.sesEndpoint, { to: person.email ?? '' })).toEqual([]);
  });
});
