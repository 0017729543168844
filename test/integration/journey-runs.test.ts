/**
 * Journey runs on DynamoDB Local: the entry rules and "one active run per contact per journey" hold
 * under parallel entries, and a step delivered many times at once moves the run once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type EntryRule, journeyRunsRepository } from '../../lib/journeys/runs.repository.ts';
import { newId } from '../../lib/shared/ids.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
let ws: string;
beforeAll(async () => {
  real = realDeps();
  ws = await newWorkspace(real);
});

const DAY = 86_400_000;
const T0 = new Date('2026-12-01T10:00:00.000Z');
const daysAfter = (days: number) => new Date(T0.getTime() + days * DAY);
const journey = (entry: EntryRule) => ({ id: newId('jrn'), version: 1, firstStep: 'nudge', entry });
const trigger = {
  name: 'checkout.abandoned',
  occurredAt: T0.toISOString(),
  properties: { checkoutId: 'co_1' },
};

describe('journey runs', () => {
  it('ten parallel entries make one active run; once ever means once, even after it ended', async () => {
    const runs = journeyRunsRepository(real.table);
    const j = journey({ mode: 'once' });
    const contactId = newId('c');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => runs.enter(ws, contactId, j, `run-${i}`, trigger, T0)),
    );
    const entered = outcomes.filter((o) => o.entered);
    expect(entered).toHaveLength(1);
    expect(outcomes.filter((o) => !o.entered).map((o) => (o.entered ? '' : o.why))).toEqual(
      Array(9).fill('active'),
    );
    const run = entered[0]?.run;
    expect(run).toMatchObject({ status: 'active', stepId: 'nudge', seq: 0, entries: 1, trigger });
    if (!run) throw new Error('no run');
    expect(await runs.move(ws, run, { end: 'completed' }, daysAfter(1))).toBe(true);
    const again = await runs.enter(ws, contactId, j, 'run-later', trigger, daysAfter(400));
    expect(again).toMatchObject({
      entered: false,
      why: 'once',
      run: { status: 'ended', ended: 'completed' },
    });
  });

  it('once per period: not again within the period, again after it; always: again once ended', async () => {
    const runs = journeyRunsRepository(real.table);
    const per = journey({ mode: 'oncePer', periodDays: 30 });
    const contactId = newId('c');
    const first = await runs.enter(ws, contactId, per, 'r1', undefined, T0);
    if (!first.entered) throw new Error('not entered');
    await runs.move(ws, first.run, { end: 'goal' }, daysAfter(1));
    expect(await runs.enter(ws, contactId, per, 'r2', undefined, daysAfter(10))).toMatchObject({
      entered: false,
      why: 'period',
    });
    const later = await runs.enter(ws, contactId, per, 'r3', undefined, daysAfter(31));
    expect(later).toMatchObject({
      entered: true,
      run: { runId: 'r3', seq: 0, entries: 2, status: 'active' },
    });
    expect(later.run.ended).toBeUndefined();

    const always = journey({ mode: 'always' });
    const a1 = await runs.enter(ws, contactId, always, 'a1', trigger, T0);
    expect(await runs.enter(ws, contactId, always, 'a2', trigger, T0)).toMatchObject({
      entered: false,
      why: 'active',
    });
    if (!a1.entered) throw new Error('not entered');
    await runs.move(ws, a1.run, { end: 'exit' }, T0);
    expect(await runs.enter(ws, contactId, always, 'a3', undefined, T0)).toMatchObject({
      entered: true,
      run: { runId: 'a3', entries: 2 },
    });
    // The new run has no trigger of its own: the last run's is not kept.
    expect((await runs.get(ws, contactId, always.id))?.trigger).toBeUndefined();
  });

  it('a step delivered five times at once moves the run once; a stale move after an end does nothing', async () => {
    const runs = journeyRunsRepository(real.table);
    const j = journey({ mode: 'always' });
    const contactId = newId('c');
    const entered = await runs.enter(ws, contactId, j, 'run-x', trigger, T0);
    if (!entered.entered) throw new Error('not entered');
    const moves = await Promise.all(
      Array.from({ length: 5 }, () => runs.move(ws, entered.run, { stepId: 'wait-order' }, daysAfter(0))),
    );
    expect(moves.filter(Boolean)).toHaveLength(1);
    const moved = await runs.get(ws, contactId, j.id);
    expect(moved).toMatchObject({ stepId: 'wait-order', seq: 1, status: 'active' });
    if (!moved) throw new Error('no run');
    // The goal ends it; the timer of the wait, delivered late, finds it moved.
    expect(await runs.move(ws, moved, { end: 'goal' }, daysAfter(0.1))).toBe(true);
    expect(await runs.move(ws, moved, { stepId: 'reminder' }, daysAfter(1))).toBe(false);
    expect(await runs.get(ws, contactId, j.id)).toMatchObject({ status: 'ended', ended: 'goal', seq: 2 });
  });
});
