/**
 * Campaigns over HTTP on the local stack, as a marketer drives them: create, edit, schedule and
 * reschedule, the launch at the scheduled time through the timer service (once, however often its
 * timer is delivered), pause, resume, cancel, and Idempotency-Key requests sent in parallel.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { LAUNCH_TASK, launchTimerId } from '../../lib/campaigns/campaign-lifecycle.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;
let segmentId: string;

const NEWS = {
  name: 'News',
  kind: 'marketing',
  topic: 'offers',
  locales: {
    en: {
      subject: 'News',
      html: '<p>News <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
    },
  },
};

beforeAll(async () => {
  // These campaigns' audiences are empty: a finish check minutes away keeps them `sending` while the
  // test pauses, resumes and cancels them (campaign-send.test.ts sends for real).
  process.env.CAMPAIGN_FINISH_POLL_SECONDS = '600';
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
  expect(
    (await api.put('/v1/workspace/email-settings', { topics: [{ id: 'offers', names: { en: 'Offers' } }] }))
      .status,
  ).toBe(200);
  expect((await api.put('/v1/templates/news', NEWS)).status).toBe(201);
  expect((await api.put('/v1/templates/news', { ...NEWS, name: 'News v2' })).status).toBe(200);
  segmentId = String(field((await api.post('/v1/segments', { name: 'Buyers', kind: 'static' })).body, 'id'));
}, 120_000);

afterAll(() => stack?.stop());

const draft = async (name = 'Winter sale') => {
  const res = await api.post('/v1/campaigns', {
    name,
    template: { templateId: 'news' },
    audience: { segments: { include: [segmentId] } },
    utm: { source: 'ecrm', medium: 'email', campaign: 'winter' },
  });
  expect(res.status).toBe(201);
  return String(field(res.body, 'id'));
};

/** A request with an Idempotency-Key (the harness client sends no extra headers). */
const withKey = async (path: string, key: string, body: unknown) => {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ws.admin}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed'),
    body: (await res.json()) as unknown,
  };
};

const launchedEvents = (campaignId: string) =>
  stack.bus.events.filter(
    (e) => e['detail-type'] === 'campaign.launched' && field(e.detail, 'data', 'campaignId') === campaignId,
  );

/** `YYYY-MM-DDTHH:mm` in UTC, whole minutes `minutes` from now. */
const utcWallClock = (minutes: number) =>
  new Date(Math.ceil(Date.now() / 60_000) * 60_000 + minutes * 60_000).toISOString().slice(0, 16);

describe('campaigns over HTTP', () => {
  it('a draft is created, edited, scheduled, rescheduled, and launched once at its time by the timer service', async () => {
    const id = await draft();
    const got = await api.get(`/v1/campaigns/${id}`);
    expect(got.body).toMatchObject({ status: 'draft', template: { templateId: 'news' } });
    expect((await api.patch(`/v1/campaigns/${id}`, { name: 'Winter sale!', topic: 'offers' })).status).toBe(
      200,
    );

    const first = utcWallClock(120);
    const scheduled = await api.post(`/v1/campaigns/${id}/schedule`, {
      type: 'at',
      at: first,
      timeZone: 'UTC',
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      status: 'scheduled',
      sendAt: `${first}:00.000Z`,
      template: { version: 2 },
    });
    const later = utcWallClock(180);
    const sendAt = `${later}:00.000Z`;
    expect(
      field(
        (await api.post(`/v1/campaigns/${id}/schedule`, { type: 'at', at: later, timeZone: 'UTC' })).body,
        'sendAt',
      ),
    ).toBe(sendAt);
    await stack.idle();

    // Time jumps past both times: only the timer of the current one launches the campaign.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    try {
      vi.setSystemTime(Date.parse(sendAt) + 1_000);
      await stack.scheduler.runDue();
      await stack.idle();
      await expect
        .poll(async () => field((await api.get(`/v1/campaigns/${id}`)).body, 'status'), {
          interval: 100,
          timeout: 10_000,
        })
        .toBe('sending');
      await stack.idle();
      expect(launchedEvents(id)).toHaveLength(1);
      expect(field(launchedEvents(id)[0]?.detail, 'data', 'by')).toBe('schedule');

      // The timer delivered again (SQS redelivers): nothing changes, nothing more is published.
      const sqs = new SQSClient({
        endpoint: stack.queues.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const key = keys.timer(ws.id, LAUNCH_TASK, launchTimerId(id, sendAt)).pk;
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: stack.queues.url('fire-timer'),
          MessageBody: JSON.stringify({ key, due: sendAt }),
        }),
      );
      await stack.idle();
      expect(launchedEvents(id)).toHaveLength(1);
      expect(field((await api.get(`/v1/campaigns/${id}`)).body, 'status')).toBe('sending');
    } finally {
      vi.useRealTimers();
    }

    // Sending: no more edits; pause, resume and cancel each publish their event.
    const edit = await api.patch(`/v1/campaigns/${id}`, { name: 'Too late' });
    expect(edit.status).toBe(409);
    expect(field(edit.body, 'error', 'message')).toContain('cannot edit a campaign that is sending');
    expect(field((await api.post(`/v1/campaigns/${id}/pause`, {})).body, 'status')).toBe('paused');
    expect(field((await api.post(`/v1/campaigns/${id}/resume`, {})).body, 'status')).toBe('sending');
    expect(field((await api.post(`/v1/campaigns/${id}/cancel`, {})).body, 'status')).toBe('cancelled');
    expect((await api.post(`/v1/campaigns/${id}/resume`, {})).status).toBe(409);
    await stack.idle();
    const published = stack.bus.events
      .filter(
        (e) =>
          String(e['detail-type']).startsWith('campaign.') && field(e.detail, 'data', 'campaignId') === id,
      )
      .map((e) => e['detail-type']);
    expect(published).toEqual([
      'campaign.launched',
      'campaign.paused',
      'campaign.resumed',
      'campaign.cancelled',
    ]);
  }, 120_000);

  it('refuses what it cannot do with the field or the status named', async () => {
    const bad = await api.post('/v1/campaigns', {
      name: 'x',
      template: { templateId: 'news' },
      audience: { segments: { include: [`sg_${'0'.repeat(26)}`] } },
      topic: 'nope',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(field(bad.body, 'error', 'issues'))).toContain('audience.segments.include[0]');
    expect(JSON.stringify(field(bad.body, 'error', 'issues'))).toContain('"topic"');
    const id = await draft();
    const zone = await api.post(`/v1/campaigns/${id}/schedule`, {
      type: 'at',
      at: '2099-01-01T09:00',
      timeZone: 'Mars/Base',
    });
    expect(zone.status).toBe(422);
    expect(JSON.stringify(field(zone.body, 'error', 'issues'))).toContain('timeZone');
    const past = await api.post(`/v1/campaigns/${id}/schedule`, {
      type: 'at',
      at: '2020-01-01T09:00',
      timeZone: 'UTC',
    });
    expect(past.status).toBe(422);
    expect((await api.post(`/v1/campaigns/${id}/unschedule`, {})).status).toBe(409);
    expect((await api.del(`/v1/campaigns/${id}`)).status).toBe(204);
    expect((await api.get(`/v1/campaigns/${id}`)).status).toBe(404);
  });

  it('an A/B test is validated field by field, pinned when scheduled, and shows its results per variant', async () => {
    const abTest = {
      variants: [
        {},
        { subject: 'Only today, {{ contact.firstName | default: "friend" }}' },
        { template: { templateId: 'news' } },
      ],
      testShare: 20,
      metric: 'clickRate',
      decideAfterMinutes: 120,
    };
    const body = {
      name: 'A/B',
      template: { templateId: 'news', version: 1 },
      audience: { segments: { include: [segmentId] } },
    };
    const issues = async (over: unknown) => {
      const res = await api.post('/v1/campaigns', { ...body, abTest: over });
      expect(res.status).toBeGreaterThanOrEqual(400);
      return JSON.stringify(field(res.body, 'error', 'issues'));
    };
    expect(await issues({ ...abTest, testShare: 70 })).toContain('abTest.testShare');
    expect(await issues({ ...abTest, variants: [{}, { template: { templateId: 'missing' } }] })).toContain(
      'abTest.variants[1].template.templateId',
    );
    expect(await issues({ ...abTest, variants: [{}, { subject: 'Hi {{ x | nope }}' }] })).toContain(
      'abTest.variants[1].subject',
    );

    const created = await api.post('/v1/campaigns', { ...body, abTest });
    expect(created.status).toBe(201);
    const id = String(field(created.body, 'id'));
    const local = await api.post(`/v1/campaigns/${id}/schedule`, {
      type: 'recipientLocal',
      date: '2099-01-01',
      time: '09:00',
    });
    expect(local.status).toBe(422);
    expect(JSON.stringify(field(local.body, 'error', 'issues'))).toContain('"type"');
    expect(
      (
        await api.post(`/v1/campaigns/${id}/schedule`, {
          type: 'at',
          at: '2099-01-01T09:00',
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(200);
    // The variant naming the template without a version gets its latest (2) pinned; the campaign keeps its 1.
    const scheduled = await api.get(`/v1/campaigns/${id}`);
    expect(field(scheduled.body, 'abTest', 'variants', 2, 'template', 'version')).toBe(2);
    expect(field(scheduled.body, 'abTest', 'results')).toBeUndefined();
    const started = await api.post(`/v1/campaigns/${id}/start`, {});
    expect(started.status).toBe(200);
    const startedAt = Date.parse(String(field(started.body, 'startedAt')));
    const shown = await ecrmCli(stack, ws.admin, 'campaign', 'show', '--id', id);
    expect(field(shown, 'abTest')).toMatchObject({
      metric: 'clickRate',
      testShare: 20,
      decideAt: new Date(startedAt + 120 * 60_000).toISOString(),
      results: [
        { variant: 0, template: { templateId: 'news', version: 1 }, sent: 0, opened: 0, clickRate: 0 },
        {
          variant: 1,
          template: { templateId: 'news', version: 1 },
          subject: abTest.variants[1]?.subject,
          sent: 0,
        },
        { variant: 2, template: { templateId: 'news', version: 2 }, sent: 0 },
      ],
    });
  }, 60_000);

  it('lists campaigns page by page', async () => {
    const names = Array.from({ length: 3 }, (_, i) => `Paged ${i} ${randomToken(3)}`);
    for (const name of names) await draft(name);
    const seen: string[] = [];
    let next: string | undefined = '';
    while (next !== undefined) {
      const res = await api.get(`/v1/campaigns?limit=2${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
      expect(res.status).toBe(200);
      for (const c of field(res.body, 'campaigns') as unknown[]) seen.push(String(field(c, 'name')));
      const cursor = field(res.body, 'next');
      next = typeof cursor === 'string' ? cursor : undefined;
    }
    expect(seen.filter((n) => names.includes(n))).toEqual([...names].reverse());
    expect((await api.get('/v1/campaigns?cursor=forged')).status).toBe(422);
  });

  it('two clients creating with one Idempotency-Key make one campaign and both get it; another body is a 409', async () => {
    const key = `create-${randomToken(8)}`;
    const name = `Keyed ${randomToken(4)}`;
    const body = { name, template: { templateId: 'news' }, audience: { segments: { include: [segmentId] } } };
    const [a, b] = await Promise.all([
      withKey('/v1/campaigns', key, body),
      withKey('/v1/campaigns', key, body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect([a.replayed, b.replayed].sort()).toEqual(['true', null].sort());
    const listed = field((await api.get('/v1/campaigns?limit=100')).body, 'campaigns') as unknown[];
    expect(listed.filter((c) => field(c, 'name') === name)).toHaveLength(1);
    const other = await withKey('/v1/campaigns', key, { ...body, name: 'Another' });
    expect(other.status).toBe(409);
    expect(String(field(other.body, 'error', 'message'))).toContain('Idempotency-Key was already used');
    const malformed = await withKey('/v1/campaigns', 'short', body);
    expect(malformed.status).toBe(422);
  });

  it('two clients starting with one Idempotency-Key start it once and both get the sending campaign', async () => {
    const id = await draft();
    const key = `start-${randomToken(8)}`;
    const [a, b] = await Promise.all([
      withKey(`/v1/campaigns/${id}/start`, key, {}),
      withKey(`/v1/campaigns/${id}/start`, key, {}),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(field(a.body, 'status')).toBe('sending');
    expect(field(a.body, 'template', 'version')).toBe(2);
    // Without a key, a second start is refused: the campaign is sending.
    const again = await api.post(`/v1/campaigns/${id}/start`, {});
    expect(again.status).toBe(409);
    expect(field(again.body, 'error', 'message')).toContain('cannot start a campaign that is sending');
    await stack.idle();
    expect(launchedEvents(id)).toHaveLength(1);
    expect(field(launchedEvents(id)[0]?.detail, 'data', 'by')).toBe('api');
  });

  it('the CLI creates, lists, schedules, starts, pauses and cancels', async () => {
    const ecrm = (...args: string[]) => ecrmCli(stack, ws.admin, 'campaign', ...args);
    const made = await ecrm(
      'create',
      '--name',
      'From the CLI',
      '--template',
      'news',
      '--include',
      segmentId,
      '--utm',
      'source=ecrm,medium=email,campaign=cli',
      '--idempotency-key',
      `cli-${randomToken(8)}`,
    );
    const id = String(field(made, 'id'));
    expect(made).toMatchObject({
      status: 'draft',
      utm: { source: 'ecrm', medium: 'email', campaign: 'cli' },
    });
    expect(JSON.stringify(await ecrm('list', '--status', 'draft'))).toContain(id);
    const scheduled = await ecrm('schedule', '--id', id, '--date', '2099-06-01', '--time', '09:00');
    expect(scheduled).toMatchObject({ status: 'scheduled', sendAt: '2099-05-31T19:00:00.000Z' });
    expect(field(await ecrm('start', '--id', id), 'status')).toBe('sending');
    expect(field(await ecrm('pause', '--id', id), 'status')).toBe('paused');
    expect(field(await ecrm('cancel', '--id', id), 'status')).toBe('cancelled');
  }, 120_000);
});
