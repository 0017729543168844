import { beforeAll, describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { recordReceivedEvent } from '../../lib/events/record-received-event.ts';
import { createSegment, deleteSegment, updateSegment } from '../../lib/segments/manage-segments.ts';
import { rebuildSegment } from '../../lib/segments/rebuild.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { updateMembership } from '../../lib/segments/update-membership.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { keys } from '../../lib/shared/keys.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { type Timers, timerService } from '../../lib/timers/timers.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-06-01T12:00:00.000Z');
let deps: RealDeps & {
  segments: ReturnType<typeof segmentsRepository>;
  timers: Timers;
  timerItems: ReturnType<typeof timersRepository>;
};
let ws: string;

beforeAll(async () => {
  const base = realDeps(clock);
  const timerItems = timersRepository(base.table);
  deps = {
    ...base,
    segments: segmentsRepository(base.table),
    timers: timerService({ timers: timerItems, clock }),
    timerItems,
  };
  ws = await newWorkspace(deps);
});

const contact = async (email: string, extra: Record<string, unknown> = {}) =>
  (await upsertContact(ws, upsertContactBody.parse({ email, ...extra }), 'api', deps)).contact.id;

const rebuildAll = async (workspaceId: string, segmentId: string, ruleVersion: number) => {
  for (let i = 0; i < 50; i++) {
    const outcome = await rebuildSegment(workspaceId, segmentId, ruleVersion, 'evaluate', deps, { pages: 1 });
    if (outcome !== 'continued') return outcome;
  }
  throw new Error('rebuild did not finish');
};

describe('segments on DynamoDB Local', () => {
  it('a tracked event moves a contact into a segment, and only segments that read it are evaluated', async () => {
    const id = await contact('active@example.com');
    const seg = await createSegment(
      ws,
      { name: 'Signed up', kind: 'dynamic', condition: { type: 'event', name: 'signed_up', op: 'did' } },
      deps,
    );
    const vip = await createSegment(
      ws,
      { name: 'VIP', kind: 'dynamic', condition: { type: 'tag', op: 'has', value: 'vip' } },
      deps,
    );
    await recordReceivedEvent(
      ws,
      {
        eventId: 'seg-e1',
        name: 'signed_up',
        kind: 'track',
        occurredAt: clock.now().toISOString(),
        receivedAt: clock.now().toISOString(),
        identity: { email: 'active@example.com' },
        properties: {},
      },
      deps,
    );
    const result = await updateMembership(ws, id, { kind: 'event', name: 'signed_up' }, deps);
    expect(result.entered).toEqual([seg.id]);
    expect(await deps.segments.memberOf(ws, id, [seg.id, vip.id])).toEqual(new Set([seg.id]));
    // A replay changes nothing.
    expect((await updateMembership(ws, id, { kind: 'event', name: 'signed_up' }, deps)).entered).toEqual([]);
  });

  it('a time window expiring moves the contact out with no new event, at the time the timer was set for', async () => {
    const id = await contact('recent@example.com', { attributes: { lastVisit: '2026-05-20T00:00:00.000Z' } });
    const seg = await createSegment(
      ws,
      {
        name: 'Visited in 30 days',
        kind: 'dynamic',
        condition: { type: 'attribute', field: 'attributes.lastVisit', op: 'withinLastDays', days: 30 },
      },
      deps,
    );
    const first = await updateMembership(ws, id, { kind: 'fields', fields: ['attributes'] }, deps);
    expect(first.entered).toContain(seg.id);
    expect(first.nextCheck).toBeDefined();
    const due = first.nextCheck ?? new Date(0);
    const timer = await deps.timerItems.get(keys.timer(ws, 'segment-recheck', id).pk);
    expect(timer?.due).toBe(due.toISOString());
    // The timer is set just after 30 days from the visit.
    expect(due.getTime()).toBeGreaterThan(Date.parse('2026-06-19T00:00:00.000Z'));
    expect(due.getTime()).toBeLessThanOrEqual(Date.parse('2026-06-19T00:00:02.000Z'));
    clock.set(due.toISOString());
    const fired = await updateMembership(ws, id, { kind: 'timer' }, deps);
    expect(fired.exited).toContain(seg.id);
    clock.set('2026-06-01T12:00:00.000Z');
  });

  it('a rebuild sets the window timer of each contact whose answer can flip, never moving one later', async () => {
    const w = await newWorkspace(deps);
    const make = async (email: string, lastVisit: string) =>
      (await upsertContact(w, upsertContactBody.parse({ email, attributes: { lastVisit } }), 'api', deps))
        .contact.id;
    const recent = await make('r1@example.com', '2026-05-20T00:00:00.000Z');
    const old = await make('r2@example.com', '2026-01-01T00:00:00.000Z');
    // A pending recheck earlier than this segment's flip (another segment's) must stay.
    const early = await make('r3@example.com', '2026-05-25T00:00:00.000Z');
    await deps.timers.set(w, 'segment-recheck', early, new Date('2026-06-02T00:00:00.000Z'), {
      contactId: early,
    });
    const seg = await createSegment(
      w,
      {
        name: 'Visited in 30 days',
        kind: 'dynamic',
        condition: { type: 'attribute', field: 'attributes.lastVisit', op: 'withinLastDays', days: 30 },
      },
      deps,
    );
    expect(await rebuildAll(w, seg.id, seg.ruleVersion)).toBe('done');
    const dueOf = async (id: string) =>
      (await deps.timerItems.get(keys.timer(w, 'segment-recheck', id).pk))?.due;
    // Just after 30 days from the visit, as the incremental path sets it.
    expect(Date.parse((await dueOf(recent)) ?? '')).toBeGreaterThan(Date.parse('2026-06-19T00:00:00.000Z'));
    expect(Date.parse((await dueOf(recent)) ?? '')).toBeLessThanOrEqual(
      Date.parse('2026-06-19T00:00:02.000Z'),
    );
    expect(await dueOf(old)).toBeUndefined();
    expect(await dueOf(early)).toBe('2026-06-02T00:00:00.000Z');
  });

  it('a rule change rebuilds membership exactly; a rebuild killed halfway resumes without duplicates', async () => {
    const w = await newWorkspace(deps);
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) {
      ids.push(
        (
          await upsertContact(
            w,
            upsertContactBody.parse({ email: `r${i}@example.com`, attributes: { n: i } }),
            'api',
            deps,
          )
        ).contact.id,
      );
    }
    const seg = await createSegment(
      w,
      {
        name: 'Even half',
        kind: 'dynamic',
        condition: { type: 'attribute', field: 'attributes.n', op: 'lt', value: 125 },
      },
      deps,
    );
    // Two pages, then the process "dies": the next run continues from the checkpoint.
    expect(await rebuildSegment(w, seg.id, 1, 'evaluate', deps, { pages: 2 })).toBe('continued');
    const halfway = await deps.segments.get(w, seg.id);
    expect(halfway?.rebuild?.processed).toBe(200);
    expect(await rebuildAll(w, seg.id, 1)).toBe('done');
    expect(await deps.segments.count(w, seg.id)).toBe(125);
    const done = await deps.segments.get(w, seg.id);
    expect(done?.rebuild).toMatchObject({ status: 'done', processed: 250, entered: 125, exited: 0 });

    const changed = await updateSegment(
      w,
      seg.id,
      { condition: { type: 'attribute', field: 'attributes.n', op: 'gte', value: 200 } },
      deps,
    );
    expect(changed.ruleVersion).toBe(2);
    expect(await rebuildAll(w, seg.id, 2)).toBe('done');
    expect(await deps.segments.count(w, seg.id)).toBe(50);
    expect((await deps.segments.get(w, seg.id))?.rebuild).toMatchObject({
      status: 'done',
      entered: 50,
      exited: 125,
    });
    // An old rebuild request is ignored once the rule moved on.
    expect(await rebuildSegment(w, seg.id, 1, 'evaluate', deps, { pages: 1 })).toBe('superseded');

    await deleteSegment(w, seg.id, deps);
    for (let i = 0; i < 40; i++)
      if ((await rebuildSegment(w, seg.id, 3, 'purge', deps, { pages: 5 })) !== 'continued') break;
    expect(await deps.segments.get(w, seg.id)).toBeUndefined();
    expect(await deps.segments.count(w, seg.id)).toBe(0);
  });
});
