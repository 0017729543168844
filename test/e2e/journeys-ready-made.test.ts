/**
 * Ready-made journeys on the local stack, as a marketer switches them on: the catalogue in the
 * workspace's language, one call (or one CLI command) that installs the templates and puts the
 * journey live, 201 then 200 (also for two calls at once: one journey), 404 for an unknown name, 422
 * naming a wrong option; the live journey dry-runs as promised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
}, 120_000);
afterAll(() => stack?.stop());

const list = (body: unknown, key: string): unknown[] => {
  const value = field(body, key);
  return Array.isArray(value) ? value : [];
};

describe('ready-made journeys', () => {
  it('lists the catalogue in the workspace’s locale, with options and defaults', async () => {
    const english = await api.get('/v1/journeys/ready-made');
    expect(english.status).toBe(200);
    expect(field(english.body, 'locale')).toBe('en');
    expect(list(english.body, 'journeys').map((j) => field(j, 'name'))).toEqual([
      'welcome',
      'abandoned-checkout',
      'post-purchase',
      'win-back',
      'birthday',
      'lead-nurture',
    ]);
    expect((await api.put('/v1/workspace/email-settings', { defaultLocale: 'fr' })).status).toBe(200);
    const french = await api.get('/v1/journeys/ready-made');
    const birthday = list(french.body, 'journeys').find((j) => field(j, 'name') === 'birthday');
    expect(field(birthday, 'title')).toBe('Anniversaire');
    expect(field(birthday, 'templates')).toEqual(['birthday']);
    expect(field(birthday, 'options')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'sendAt', default: '09:00' })]),
    );
    expect(field(birthday, 'journey')).toBeUndefined();
  });

  it('switches one on in one call: templates installed, live, named in French; a second call answers 200', async () => {
    const first = await api.post('/v1/journeys/ready-made/abandoned-checkout', { reminderAfterHours: 20 });
    expect(first.status).toBe(201);
    expect(field(first.body, 'status')).toBe('live');
    expect(field(first.body, 'name')).toBe('Panier abandonné');
    const id = String(field(first.body, 'id'));
    expect((await api.get('/v1/templates/abandoned-checkout')).status).toBe(200);
    const again = await api.post('/v1/journeys/ready-made/abandoned-checkout', {});
    expect(again.status).toBe(200);
    expect(field(again.body, 'id')).toBe(id);
    expect(field(again.body, 'definition', 'steps', 1, 'timeout')).toEqual({ hours: 20 });

    // The live journey as the dry run sees it: the nudge, then the order of this checkout ends it.
    const start = '2026-11-30T10:00:00.000Z';
    const run = await api.post('/v1/journeys/dry-run', {
      journeyId: id,
      timeZone: 'Europe/Paris',
      start,
      trigger: { properties: { checkoutId: 'co_9' } },
      events: [{ name: 'order.placed', at: '2026-11-30T12:00:00.000Z', properties: { checkoutId: 'co_9' } }],
    });
    expect(list(run.body, 'emails').map((e) => field(e, 'stepId'))).toEqual(['nudge']);
    expect(field(run.body, 'end', 'why')).toBe('goal');
  });

  it('two calls at once make one journey: one 201, one 200', async () => {
    const both = await Promise.all([
      api.post('/v1/journeys/ready-made/welcome', {}),
      api.post('/v1/journeys/ready-made/welcome', {}),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(field(both[0]?.body, 'id')).toBe(field(both[1]?.body, 'id'));
    const journeys = list((await api.get('/v1/journeys?limit=100')).body, 'journeys');
    expect(journeys.filter((j) => field(j, 'name') === 'Série de bienvenue')).toHaveLength(1);
    const catalogue = list((await api.get('/v1/journeys/ready-made')).body, 'journeys');
    expect(
      field(
        catalogue.find((j) => field(j, 'name') === 'welcome'),
        'journey',
        'status',
      ),
    ).toBe('live');
  });

  it('answers 404 for an unknown name, 422 naming a wrong option, 403 to a read key', async () => {
    const unknown = await api.post('/v1/journeys/ready-made/anniversary', {});
    expect(unknown.status).toBe(404);
    expect(field(unknown.body, 'error', 'message')).toContain('welcome, abandoned-checkout');
    const bad = await api.post('/v1/journeys/ready-made/win-back', { inactiveDays: 5 });
    expect(bad.status).toBe(422);
    expect(field(bad.body, 'error', 'issues')).toEqual([{ path: 'inactiveDays', message: 'at least 30' }]);
    const foreign = await api.post('/v1/journeys/ready-made/win-back', { sendAt: '10:00' });
    expect(field(foreign.body, 'error', 'issues')).toEqual([
      { path: 'sendAt', message: 'is not an option of the win-back journey' },
    ]);
    const read = client(stack, ws.read);
    expect((await read.post('/v1/journeys/ready-made/win-back', {})).status).toBe(403);
    expect((await read.get('/v1/journeys/ready-made')).status).toBe(200);
  });

  it('the CLI lists them and switches one on with options', async () => {
    const listed = await ecrmCli(stack, ws.admin, 'journey', 'ready-made');
    expect(list(listed, 'journeys')).toHaveLength(6);
    const enabled = await ecrmCli(
      stack,
      ws.admin,
      'journey',
      'enable',
      'birthday',
      '--set',
      'sendAt=10:30',
      '--set',
      'offsetDays=-1',
    );
    expect(field(enabled, 'status')).toBe('live');
    expect(field(enabled, 'definition', 'trigger')).toEqual({
      type: 'date',
      field: 'attributes.birthday',
      at: '10:30',
      offsetDays: -1,
    });
  });
});
