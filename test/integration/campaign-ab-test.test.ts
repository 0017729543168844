/**
 * A/B tests of campaigns against DynamoDB Local and the local SES: the test wave of a chunk sends each
 * recipient its variant (subject, tag), the rest waits for the winner and then gets it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { awsEndpoint } from '../../functions/shared/aws-endpoint.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { AbTestToSend } from '../../lib/campaigns/ab-test.ts';
import type { ChunkRef } from '../../lib/campaigns/send/chunk.schema.ts';
import { type ChunksRepository, chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { type CampaignToSend, sendChunk } from '../../lib/campaigns/send/send-chunk.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import type { Mailer } from '../../lib/email/send/ports.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import type { SendDeps } from '../../lib/email/send/send-batch.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import {
  fakePauses,
  fakeSenders,
  fakeSubscriptions,
  fakeTemplate,
  fakeTemplates,
  memoryHalt,
  noLimits,
  subscribedContact,
} from '../support/email-fakes.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let services: LocalServices;
let real: RealDeps;
let chunks: ChunksRepository;
const REF = { templateId: 'newsletter', version: 1 };
const OTHER = { templateId: 'newsletter-b', version: 4 };
const LAUNCH = new Date('2026-11-30T09:00:00.000Z');

beforeAll(() => {
  services = useLocalServices();
  real = realDeps();
  chunks = chunksRepository(real.table);
});

const emailWorkspace = async () => {
  const ws = await newWorkspace(real);
  await real.table.client.send(
    new UpdateCommand({
      TableName: real.table.name,
      Key: keys.workspace(ws),
      UpdateExpression: 'SET settings.email = :email',
      ExpressionAttributeValues: {
        ':email': { defaultLocale: 'en', postalAddress: '1 Main Street', doubleOptIn: false, topics: [] },
      },
    }),
  );
  return ws;
};

const storePeople = async (ws: string, n: number) => {
  const people: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId('c');
    const contact = subscribedContact(ws, id, { email: `${ws}-${id}@example.com` });
    await real.contacts.create(
      contact,
      [],
      domainEvent('contact.created', ws, { contactId: id, fields: ['email'] }, systemClock),
    );
    people.push(contact);
  }
  return people;
};

const OPTIONS = {
  deliver: { attempts: 2, baseDelayMs: 1, random: () => 0, sleep: async () => {} },
  lastAttempt: false,
};

/** The local SES, with the tags of every email handed to it kept by recipient address. */
const recordingMailer = (tagsTo: Map<string, MessageTags>): Mailer => {
  const ses = sesBulkMailer(new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 }), {
    configurationSet: 'ecrm-local',
  });
  return {
    async send(batch) {
      for (const e of batch.emails) tagsTo.set(e.to, e.tags);
      return ses.send(batch);
    },
  };
};

const sendDeps = (ws: string, tagsTo: Map<string, MessageTags>): Omit<SendDeps, 'messages'> => ({
  workspaces: workspaceReader(real.workspaces),
  contacts: contactReader(real.contacts),
  templates: fakeTemplates([fakeTemplate(REF, 'marketing'), fakeTemplate(OTHER, 'marketing')]),
  subscriptions: fakeSubscriptions(),
  senders: fakeSenders({ ok: true, from: `"Shop" <news@${ws.replaceAll('_', '-')}.example>` }),
  pauses: fakePauses(),
  mailer: recordingMailer(tagsTo),
  halt: memoryHalt(),
  limits: noLimits,
  clock: systemClock,
  onHalt: () => {},
});

describe('sending a chunk of an A/B test campaign', () => {
  it('sends the test wave by variant, holds the rest until the winner is known, then sends it the winner', async () => {
    const ws = await emailWorkspace();
    const people = await storePeople(ws, 7);
    const ids = people.map((p) => p.id);
    const ref: ChunkRef = { workspaceId: ws, campaignId: newId('cmp'), shard: 2, page: 0 };
    // Test wave: people 0–3 (variants 0, 1, 2, 1); the rest: people 4–6.
    await chunks.create(ref, ids, [0, 0, 0, 0, 1, 1, 1], [0, 1, 2, 1, 0, 0, 0]);
    const abTest: { current: AbTestToSend } = {
      current: {
        variants: [
          { template: REF },
          { template: REF, subject: 'Subject B' },
          { template: OTHER, subject: 'Subject C' },
        ],
      },
    };
    const campaign = (): CampaignToSend => ({
      status: 'sending',
      template: REF,
      startedAt: LAUNCH.toISOString(),
      abTest: abTest.current,
    });
    const tagsTo = new Map<string, MessageTags>();
    const deps = { campaign: async () => campaign(), chunks, send: sendDeps(ws, tagsTo) };

    const test = await sendChunk({ ...ref, wave: 0 }, deps, OPTIONS);
    expect(test.status).toBe('sent');
    expect((await chunks.get(ref))?.states).toEqual(['s', 's', 's', 's', 'p', 'p', 'p']);
    const subjectOf = async (p: Contact | undefined) => {
      const [email, ...more] = await readStoredEmails(services.sesEndpoint, { to: p?.email ?? '' });
      expect(more).toEqual([]);
      return email?.subject;
    };
    expect(await Promise.all(people.slice(0, 4).map(subjectOf))).toEqual([
      'Hello Ana',
      'Subject B',
      'Subject C',
      'Subject B',
    ]);
    expect(people.slice(0, 4).map((p) => tagsTo.get(p.email ?? '')?.variant)).toEqual(['0', '1', '2', '1']);
    expect(tagsTo.get(people[2]?.email ?? '')?.template).toBe('newsletter-b_v4');

    // No winner yet: the rest stays pending, nothing sent.
    expect(await sendChunk({ ...ref, wave: 1 }, deps, OPTIONS)).toEqual({
      status: 'idle',
      why: 'the A/B test has no winner yet',
    });
    expect((await chunks.get(ref))?.states.slice(4)).toEqual(['p', 'p', 'p']);

    abTest.current = { ...abTest.current, winner: 2 };
    const rest = await sendChunk({ ...ref, wave: 1 }, deps, OPTIONS);
    expect(rest.status).toBe('sent');
    expect((await chunks.get(ref))?.states).toEqual(ids.map(() => 's'));
    expect(await Promise.all(people.slice(4).map(subjectOf))).toEqual([
      'Subject C',
      'Subject C',
      'Subject C',
    ]);
    // The rest's email is the winner's, not counted as the variant's test.
    expect(tagsTo.get(people[4]?.email ?? '')?.variant).toBeUndefined();
    expect(tagsTo.get(people[4]?.email ?? '')?.template).toBe('newsletter-b_v4');
    // Delivered again, the test wave sends nothing more.
    expect((await sendChunk({ ...ref, wave: 0 }, deps, OPTIONS)).status).toBe('idle');
  });

  it('stores no variants on the chunk of a campaign without a test', async () => {
    const ref: ChunkRef = {
      workspaceId: await newWorkspace(real),
      campaignId: newId('cmp'),
      shard: 0,
      page: 0,
    };
    await chunks.create(ref, ['c_1', 'c_2']);
    const chunk = await chunks.get(ref);
    expect(chunk && 'variants' in chunk).toBe(false);
  });
});
