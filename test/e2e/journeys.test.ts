/**
 * The journeys API on the local stack: a document with mistakes is refused with each step and field
 * named; a journey is created as a draft, edited into new versions (old ones kept as they were), put
 * live, paused and archived; two editors at once cannot both write the next version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { abandonedCheckoutJourney } from '../support/journeys.ts';
import { campaignWorkspace } from './campaign-workspace.ts';
import { type Client, ecrmCli, field, startStack, type workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

beforeAll(async () => {
  stack = await startStack();
  ({ ws, api } = await campaignWorkspace(
    stack,
    '<p>Your cart <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
  ));
}, 120_000);
afterAll(() => stack?.stop());

const nudges = (hours: number) => ({
  name: 'Abandoned checkout',
  trigger: { type: 'event', event: 'checkout.abandoned' },
  entry: { mode: 'always' },
  steps: [
    { id: 'nudge', type: 'email', template: { templateId: 'news' }, next: 'wait' },
    { id: 'wait', type: 'wait', duration: { hours }, next: 'reminder' },
    { id: 'reminder', type: 'email', template: { templateId: 'news', version: 1 } },
  ],
});

const issuesOf = (body: unknown): string[] =>
  (field(body, 'error', 'issues') as { path: string; message: string }[]).map(
    (i) => `${i.path}: ${i.message}`,
  );

describe('journeys', () => {
  it('refuses a document with mistakes, naming each step and field, and what it names must exist', async () => {
    const bad = await api.post('/v1/journeys', {
      ...nudges(1),
      steps: [
        { id: 'nudge', type: 'email', template: { templateId: 'news' }, next: 'later' },
        { id: 'wait', type: 'wait', duration: { hours: 0 } },
      ],
    });
    expect(bad.status).toBe(422);
    expect(issuesOf(bad.body)).toEqual(
      expect.arrayContaining([
        'steps[0].next: no step later',
        'steps[1].duration: a duration of at least one minute: minutes, hours and/or days',
      ]),
    );
    const missing = await api.post('/v1/journeys', {
      ...nudges(1),
      steps: [{ id: 'nudge', type: 'email', template: { templateId: 'nope' } }],
    });
    expect(missing.status).toBe(422);
    expect(issuesOf(missing.body)).toEqual([
      'steps[0].template.templateId: no template nope in this workspace',
    ]);
    expect((await api.get('/v1/journeys')).body).toEqual({ journeys: [] });
  });

  it('keeps each version as saved, goes live, pauses and archives; a draft can be deleted', async () => {
    const created = await api.post('/v1/journeys', nudges(1));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, trigger: 'event' });
    const id = String(field(created.body, 'id'));

    const edited = await api.put(`/v1/journeys/${id}`, nudges(24));
    expect(edited.body).toMatchObject({ status: 'draft', version: 2 });
    expect(field((await api.get(`/v1/journeys/${id}/versions/1`)).body, 'definition', 'steps', 1)).toEqual({
      id: 'wait',
      type: 'wait',
      duration: { hours: 1 },
      next: 'reminder',
    });
    expect((await api.get(`/v1/journeys/${id}/versions/3`)).status).toBe(404);

    expect((await api.post(`/v1/journeys/${id}/start`, {})).body).toMatchObject({
      status: 'live',
      version: 2,
    });
    // Editing a live journey: a new version, still live (new runs start on it).
    const live = await api.put(`/v1/journeys/${id}`, { ...nudges(48), name: 'Cart nudges' });
    expect(live.body).toMatchObject({ status: 'live', version: 3, name: 'Cart nudges' });
    expect(field((await api.get(`/v1/journeys/${id}`)).body, 'definition', 'steps', 1, 'duration')).toEqual({
      hours: 48,
    });
    expect((await api.post(`/v1/journeys/${id}/pause`, {})).body).toMatchObject({ status: 'paused' });
    expect((await api.del(`/v1/journeys/${id}`)).status).toBe(409);
    expect((await api.post(`/v1/journeys/${id}/archive`, {})).body).toMatchObject({ status: 'archived' });
    expect((await api.put(`/v1/journeys/${id}`, nudges(2))).status).toBe(409);
    expect((await api.post(`/v1/journeys/${id}/start`, {})).status).toBe(409);

    const listed = await api.get('/v1/journeys?status=archived');
    expect(field(listed.body, 'journeys')).toEqual([expect.objectContaining({ id, status: 'archived' })]);

    const draft = String(field((await api.post('/v1/journeys', nudges(3))).body, 'id'));
    expect((await api.del(`/v1/journeys/${draft}`)).status).toBe(204);
    expect((await api.get(`/v1/journeys/${draft}`)).status).toBe(404);
    expect((await api.get(`/v1/journeys/${draft}/versions/1`)).status).toBe(404);
  });

  it('two editors at once: one writes the next version, the other is told the journey changed', async () => {
    const id = String(field((await api.post('/v1/journeys', nudges(1))).body, 'id'));
    const replies = await Promise.all([2, 3, 4, 5].map((h) => api.put(`/v1/journeys/${id}`, nudges(h))));
    const won = replies.filter((r) => r.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const now = await api.get(`/v1/journeys/${id}`);
    // Every version written is one a winner answered with, numbered without gaps.
    expect(field(now.body, 'version')).toBe(1 + won.length);
    for (let v = 2; v <= 1 + won.length; v++)
      expect((await api.get(`/v1/journeys/${id}/versions/${v}`)).status).toBe(200);
  });

  it('dry-runs a saved journey or a new document for a contact, on a virtual clock, writing nothing', async () => {
    const doc = abandonedCheckoutJourney('news', { quietHours: { from: '21:00', to: '08:00' } });
    const id = String(field((await api.post('/v1/journeys', doc)).body, 'id'));
    const made = await api.post('/v1/contacts', { email: 'dry@example.com', timezone: 'Asia/Kolkata' });
    const contactId = String(field(made.body, 'contact', 'id'));
    const start = '2026-12-01T16:00:00.000Z'; // 21:30 in Kolkata: quiet
    const ordered = await api.post('/v1/journeys/dry-run', {
      journeyId: id,
      contactId,
      start,
      trigger: { properties: { checkoutId: 'co_9' } },
      events: [{ name: 'order.placed', at: '2026-12-02T05:00:00.000Z', properties: { checkoutId: 'co_9' } }],
    });
    expect(ordered.status).toBe(200);
    expect(ordered.body).toMatchObject({
      version: 1,
      timeZone: 'Asia/Kolkata',
      // Held to 08:00 in Kolkata (02:30Z), then the order of this checkout is the goal.
      emails: [{ stepId: 'nudge', at: '2026-12-02T02:30:00.000Z', templateId: 'news' }],
      end: { at: '2026-12-02T05:00:00.000Z', why: 'goal', stepId: 'wait-order' },
    });
    const unsaved = await api.post('/v1/journeys/dry-run', {
      definition: doc,
      timeZone: 'UTC',
      start: '2026-12-01T12:00:00.000Z',
      trigger: { properties: { checkoutId: 'co_9' } },
    });
    expect(field(unsaved.body, 'emails')).toEqual([
      { stepId: 'nudge', at: '2026-12-01T12:00:00.000Z', templateId: 'news' },
      { stepId: 'reminder', at: '2026-12-02T11:00:00.000Z', templateId: 'news' },
    ]);
    const both = await api.post('/v1/journeys/dry-run', { journeyId: id, definition: doc });
    expect(both.status).toBe(422);
    expect(issuesOf(both.body)).toEqual(['journeyId: give a journeyId or a definition, one of them']);
    // Nothing was sent.
    expect(
      stack.ses.messages.filter((m) => m.destination.some((d) => d.includes('dry@example.com'))),
    ).toEqual([]);
  });

  it('is reachable from the CLI', async () => {
    const listed = await ecrmCli(stack, ws.admin, 'journey', 'list');
    expect(Array.isArray(field(listed, 'journeys'))).toBe(true);
  });
});
