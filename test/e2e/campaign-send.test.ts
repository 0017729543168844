/**
 * A campaign sent on the local stack, every part real: the launch event, the audience snapshot in
 * chunks, the send queue and function, the local SES, SES's events back into the chunks, the finish
 * check. Each eligible contact gets exactly one email; who unsubscribed does not; the campaign ends
 * `sent` with every recipient accounted for.
 */
import { randomBytes } from 'node:crypto';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { chunkJobMessage } from '../../lib/campaigns/send/chunk-job.schema.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { campaignTally } from '../../lib/campaigns/send/progress.ts';
import { MEMBERSHIP_SHARDS } from '../../lib/shared/keys.ts';
import { seedAudience } from '../support/seed-audience.ts';
import { campaignWorkspace } from './campaign-workspace.ts';
import { type Client, field, startStack, until, type workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;
beforeAll(async () => {
  stack = await startStack();
  // 60 emails a second, read by the send path before its first send: the pause of the faults test
  // lands in the middle of its campaign.
  stack.ses.setAccount({ maxSendRate: 60 });
  ({ ws, api } = await campaignWorkspace(
    stack,
    '<p>Hello {{ contact.firstName }} <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
  ));
}, 120_000);

afterAll(() => stack?.stop());

const contacts = async (n: number) => {
  const made = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const email = `c${i}-${randomBytes(4).toString('hex')}@example.com`;
      const res = await api.post('/v1/contacts', { email, firstName: `N${i}` });
      const id = String(field(res.body, 'contact', 'id'));
      expect(
        (await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' }))
          .status,
      ).toBe(200);
      return { id, email };
    }),
  );
  return made;
};

const segmentOf = async (ids: readonly string[]) => {
  const segmentId = String(
    field((await api.post('/v1/segments', { name: 'All', kind: 'static' })).body, 'id'),
  );
  for (let i = 0; i < ids.length; i += 500)
    expect((await api.post(`/v1/segments/${segmentId}/members`, { add: ids.slice(i, i + 500) })).status).toBe(
      200,
    );
  return segmentId;
};

const statusOf = async (campaignId: string) =>
  String(field((await api.get(`/v1/campaigns/${campaignId}`)).body, 'status'));

describe('a campaign sent now', () => {
  it('sends exactly one email to each eligible contact, none to who unsubscribed, and ends sent with every recipient counted', async () => {
    const people = await contacts(120);
    const gone = people[7];
    if (!gone) throw new Error('no contact');
    expect(
      (await api.put(`/v1/contacts/${gone.id}/consent/email`, { status: 'unsubscribed', source: 'form' }))
        .status,
    ).toBe(200);
    const segmentId = await segmentOf(people.map((p) => p.id));
    const created = await api.post('/v1/campaigns', {
      name: 'Winter',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
    });
    expect(created.status).toBe(201);
    const campaignId = String(field(created.body, 'id'));
    expect((await api.post(`/v1/campaigns/${campaignId}/start`, {})).status).toBe(200);

    await until(async () => (await statusOf(campaignId)) === 'sent');

    const tally = await campaignTally(chunksRepository(stack.table), ws.id, campaignId);
    expect(tally).toMatchObject({
      audience: 120,
      sent: 119,
      suppressed: 1,
      failed: 0,
      pending: 0,
      inFlight: 0,
    });
    for (const p of people) {
      const mails = await readStoredEmails(stack.sesEndpoint, { to: p.email });
      expect(mails.length, p.email).toBe(p === gone ? 0 : 1);
    }
  }, 180_000);
});

/** How many emails the local SES accepted for each address. */
const mailsByAddress = () => {
  const by = new Map<string, number>();
  for (const m of stack.ses.messages)
    for (const raw of m.destination) {
      const to = bareAddress(raw).toLowerCase();
      by.set(to, (by.get(to) ?? 0) + 1);
    }
  return by;
};

const bareAddress = (to: string) => /<([^>]+)>/.exec(to)?.[1] ?? to;

describe('a campaign under faults', () => {
  it('with SES throttling 30% of calls, answers lost after SES took the mail, every chunk job delivered twice, a pause and resume and an unsubscribe in the middle: each eligible contact gets exactly one email and the campaign ends sent with every recipient counted', async () => {
    const N = 600;
    const segmentId = String(
      field((await api.post('/v1/segments', { name: 'Seeded', kind: 'static' })).body, 'id'),
    );
    const people = await seedAudience(stack.table, ws.id, segmentId, N, { domain: 'faults.example' });
    const created = await api.post('/v1/campaigns', {
      name: 'Under faults',
      template: { templateId: 'news' },
      audience: { segments: { include: [segmentId] } },
    });
    const campaignId = String(field(created.body, 'id'));
    const chunks = chunksRepository(stack.table);

    stack.ses.faults.throttleRate = 0.3;
    stack.ses.faults.lostAnswers = 3;
    expect((await api.post(`/v1/campaigns/${campaignId}/start`, {})).status).toBe(200);

    // Every chunk job once more, as SQS may deliver it (at-least-once).
    const sqs = new SQSClient({});
    const duplicated = new Set<string>();
    await until(async () => {
      for (let shard = 0; shard < MEMBERSHIP_SHARDS; shard++)
        for await (const chunk of chunks.list(ws.id, campaignId, shard)) {
          const key = `${shard}-${chunk.page}`;
          if (duplicated.has(key)) continue;
          duplicated.add(key);
          await sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: process.env.QUEUE_URL_SEND_EMAIL,
              Entries: [
                {
                  Id: 'dup',
                  MessageBody: JSON.stringify(
                    chunkJobMessage({ workspaceId: ws.id, campaignId, shard, page: chunk.page, wave: 0 }),
                  ),
                  MessageGroupId: ws.id,
                },
              ],
            }),
          );
        }
      return duplicated.size >= N / 50;
    });

    await until(
      async () => stack.ses.messages.filter((m) => m.tags['ecrm-origin-id'] === campaignId).length >= 150,
    );
    expect((await api.post(`/v1/campaigns/${campaignId}/pause`, {})).status).toBe(200);
    await stack.idle();
    const atPause = mailsByAddress();
    const notYet = people.find((p) => !atPause.has(p.email));
    if (!notYet) throw new Error('everyone was sent before the pause');
    expect(
      (await api.put(`/v1/contacts/${notYet.id}/consent/email`, { status: 'unsubscribed', source: 'form' }))
        .status,
    ).toBe(200);
    // Paused: nothing more goes out.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsByAddress().size).toBe(atPause.size);

    expect((await api.post(`/v1/campaigns/${campaignId}/resume`, {})).status).toBe(200);
    await until(async () => (await statusOf(campaignId)) === 'sent', 240_000).catch(
      async (error: unknown) => {
        // What was left, to tell a stuck pipeline from a slow one.
        console.error(
          'left:',
          JSON.stringify(await campaignTally(chunks, ws.id, campaignId)),
          await statusOf(campaignId),
        );
        throw error;
      },
    );
    stack.ses.faults.throttleRate = 0;

    const mails = mailsByAddress();
    const duplicates = people.filter((p) => (mails.get(p.email) ?? 0) > 1);
    const missed = people.filter((p) => p !== notYet && (mails.get(p.email) ?? 0) === 0);
    expect(duplicates.map((p) => p.email)).toEqual([]);
    expect(missed.map((p) => p.email)).toEqual([]);
    expect(mails.get(notYet.email) ?? 0).toBe(0);
    const tally = await campaignTally(chunks, ws.id, campaignId);
    expect(tally.sent + tally.suppressed + tally.failed + tally.capped).toBe(N);
    expect(tally).toMatchObject({
      audience: N,
      sent: N - 1,
      suppressed: 1,
      failed: 0,
      pending: 0,
      inFlight: 0,
    });
  }, 300_000);
});

describe('a campaign to an audience given by a condition', () => {
  it('sends to the contacts the condition matches at launch, and only to them', async () => {
    const made = await Promise.all(
      ['pro', 'pro', 'free', 'pro', 'free'].map(async (plan, i) => {
        const email = `plan${i}-${randomBytes(4).toString('hex')}@example.com`;
        const res = await api.post('/v1/contacts', {
          email,
          firstName: 'Ana',
          attributes: { plan, cohort: 'cond-test' },
        });
        const id = String(field(res.body, 'contact', 'id'));
        await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'signup' });
        return { email, plan };
      }),
    );
    const created = await api.post('/v1/campaigns', {
      name: 'Pro plan news',
      template: { templateId: 'news' },
      audience: {
        condition: {
          type: 'all',
          conditions: [
            { type: 'attribute', field: 'attributes.plan', op: 'equals', value: 'pro' },
            { type: 'attribute', field: 'attributes.cohort', op: 'equals', value: 'cond-test' },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    const campaignId = String(field(created.body, 'id'));
    expect((await api.post(`/v1/campaigns/${campaignId}/start`, {})).status).toBe(200);
    await until(async () => (await statusOf(campaignId)) === 'sent');
    const mails = mailsByAddress();
    for (const p of made) expect(mails.get(p.email) ?? 0, p.email).toBe(p.plan === 'pro' ? 1 : 0);
    expect(await campaignTally(chunksRepository(stack.table), ws.id, campaignId)).toMatchObject({
      audience: 3,
      sent: 3,
    });
  }, 120_000);
});
