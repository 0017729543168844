import { beforeAll, describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { decayTimerId, scoreContact } from '../../lib/scoring/score-contact.ts';
import { readScoreHistory } from '../../lib/scoring/score-history.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { keys } from '../../lib/shared/keys.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-06-01T00:00:00.000Z');
const base = realDeps(clock);
const timers = timersRepository(base.table);
const deps = {
  ...base,
  models: scoringModelsRepository(base.table),
  timers: timerService({ timers, clock }),
};
let ws: string;

beforeAll(async () => {
  ws = await newWorkspace(deps);
  await deps.models.put(
    ws,
    {
      engagement: [
        {
          id: 'pricing',
          event: 'page_viewed',
          where: [{ path: 'properties.path', op: 'equals', value: '/pricing' }],
          points: 35,
          cap: { points: 70, per: 'day' },
        },
      ],
      decay: { mode: 'halfLife', days: 30 },
      lifecycle: {
        stages: ['subscriber', 'lead', 'mql', 'customer'],
        thresholds: [
          { stage: 'lead', minScore: 10 },
          { stage: 'mql', minScore: 60 },
        ],
        events: [{ event: 'order.placed', stage: 'customer' }],
      },
    },
    clock.now().toISOString(),
  );
});

const view = (path: string) => ({
  name: 'page_viewed',
  occurredAt: clock.now().toISOString(),
  properties: { path },
});

describe('lead scoring on DynamoDB Local', () => {
  it('events move the score across a stage threshold, once each however often delivered', async () => {
    const id = (await upsertContact(ws, upsertContactBody.parse({ email: 'lead@example.com' }), 'api', deps))
      .contact.id;
    expect(await scoreContact(ws, id, { kind: 'event', id: 'e1', event: view('/pricing') }, deps)).toBe(
      'scored',
    );
    expect(await scoreContact(ws, id, { kind: 'event', id: 'e1', event: view('/pricing') }, deps)).toBe(
      'duplicate',
    );
    let contact = await deps.contacts.get(ws, id);
    expect(contact?.score).toMatchObject({ score: 35, stage: 'lead' });
    clock.advance(60_000);
    await scoreContact(ws, id, { kind: 'event', id: 'e2', event: view('/pricing') }, deps);
    clock.advance(60_000);
    await scoreContact(ws, id, { kind: 'event', id: 'e3', event: view('/blog') }, deps);
    contact = await deps.contacts.get(ws, id);
    expect(contact?.score).toMatchObject({ score: 70, stage: 'mql' });
    const { entries: history } = await readScoreHistory(ws, id, { limit: 10 }, deps);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      id: 'event:e2',
      score: 70,
      stageChange: { from: 'lead', to: 'mql', by: 'threshold' },
    });
    const first = await readScoreHistory(ws, id, { limit: 1 }, deps);
    expect(first.entries.map((e) => e.id)).toEqual(['event:e2']);
    const second = await readScoreHistory(ws, id, { limit: 1, cursor: first.next }, deps);
    expect(second.entries.map((e) => e.id)).toEqual(['event:e1']);
    expect(second.next).toBeUndefined();
  });

  it('decay lowers the score on schedule, and a stage never moves back by rule', async () => {
    const id = (await upsertContact(ws, upsertContactBody.parse({ email: 'decay@example.com' }), 'api', deps))
      .contact.id;
    await scoreContact(ws, id, { kind: 'event', id: 'd1', event: view('/pricing') }, deps);
    await scoreContact(ws, id, { kind: 'event', id: 'd2', event: view('/pricing') }, deps);
    // 70 points, half-life 30 days: the timer is set for when the reported (rounded) score falls under
    // the MQL threshold: 70 · 2^(−t/30) < 59.5 → t = 30 · log2(70 / 59.5) ≈ 7.03 days.
    const stored = await timers.get(keys.timer(ws, 'score-decay', decayTimerId(id)).pk);
    expect(stored?.task).toBe('score-decay');
    const due = stored ? new Date(stored.due) : undefined;
    const days = ((due?.getTime() ?? 0) - clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(7.02);
    expect(days).toBeLessThan(7.05);
    clock.set(new Date(clock.now().getTime() + 30 * 86_400_000).toISOString());
    expect(await scoreContact(ws, id, { kind: 'decay' }, deps)).toBe('scored');
    const contact = await deps.contacts.get(ws, id);
    expect(contact?.score?.score).toBe(35);
    expect(contact?.score?.stage).toBe('mql');
    // An explicit move is the only way back.
    await scoreContact(ws, id, { kind: 'stage', id: 'm1', stage: 'lead' }, deps);
    expect((await deps.contacts.get(ws, id))?.score?.stage).toBe('lead');
  });

  it('an event no rule reads costs no read and no write; a contact never scored keeps no ledger', async () => {
    const id = (await upsertContact(ws, upsertContactBody.parse({ email: 'quiet@example.com' }), 'api', deps))
      .contact.id;
    const before = await deps.contacts.get(ws, id);
    const sent: string[] = [];
    const counting = {
      ...deps.contacts,
      get: async (w: string, c: string) => {
        sent.push(c);
        return deps.contacts.get(w, c);
      },
    };
    const opened = { name: 'email.opened', occurredAt: clock.now().toISOString(), properties: {} };
    expect(
      await scoreContact(ws, id, { kind: 'event', id: 'o1', event: opened }, { ...deps, contacts: counting }),
    ).toBe('unchanged');
    expect(sent).toEqual([]);
    // A page view the rule filters out (not /pricing) is not read either.
    expect(
      await scoreContact(
        ws,
        id,
        { kind: 'event', id: 'b1', event: view('/blog') },
        { ...deps, contacts: counting },
      ),
    ).toBe('unchanged');
    expect(sent).toEqual([]);
    // No fit rule holds: the ledger would stay empty, and is not written.
    expect(await scoreContact(ws, id, { kind: 'fit' }, { ...deps, contacts: counting })).toBe('unchanged');
    expect(sent).toEqual([id]);
    const after = await deps.contacts.get(ws, id);
    expect(after?.rev).toBe(before?.rev);
    expect(after?.score).toBeUndefined();
  });
});
