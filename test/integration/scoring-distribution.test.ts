import { beforeAll, describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { eraseContact } from '../../lib/contacts/erase-contact.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { readScoreDistribution } from '../../lib/scoring/read-score-distribution.ts';
import { type RecountPosition, recountScores, recountScoresPage } from '../../lib/scoring/recount-scores.ts';
import { scoreContact } from '../../lib/scoring/score-contact.ts';
import { scoreDistributionRepository } from '../../lib/scoring/score-distribution.repository.ts';
import { scoreStateSchema } from '../../lib/scoring/score-state.schema.ts';
import { emptyScoreState } from '../../lib/scoring/score-state.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-06-01T00:00:00.000Z');
const base = realDeps(clock);
const deps = {
  ...base,
  models: scoringModelsRepository(base.table),
  timers: timerService({ timers: timersRepository(base.table), clock }),
  distribution: scoreDistributionRepository(base.table),
};

const MODEL = {
  engagement: [{ id: 'visit', event: 'page_viewed', points: 7 }],
  lifecycle: {
    stages: ['subscriber', 'lead', 'mql', 'customer'],
    thresholds: [
      { stage: 'lead', minScore: 10 },
      { stage: 'mql', minScore: 30 },
    ],
    events: [],
  },
};

const workspace = async () => {
  const ws = await newWorkspace(deps);
  await deps.models.put(ws, MODEL, clock.now().toISOString());
  return ws;
};

let n = 0;
const contactIn = async (ws: string) =>
  (await upsertContact(ws, upsertContactBody.parse({ email: `p${n++}@example.com` }), 'api', deps)).contact
    .id;

const visit = (ws: string, contactId: string, id: string) =>
  scoreContact(
    ws,
    contactId,
    {
      kind: 'event',
      id,
      event: { name: 'page_viewed', occurredAt: clock.now().toISOString(), properties: {} },
    },
    deps,
  );

/** The distribution as buckets `{from: contacts}` and stages `{stage: contacts}`, zeros left out. */
const counts = async (ws: string) => {
  const view = await readScoreDistribution(ws, deps);
  return {
    contacts: view.contacts,
    buckets: Object.fromEntries(view.buckets.filter((b) => b.contacts).map((b) => [b.from, b.contacts])),
    stages: Object.fromEntries(view.stages.filter((s) => s.contacts).map((s) => [s.stage, s.contacts])),
  };
};

/** What the counters should say: every counted ledger, read one by one (what the API never does). */
const expected = async (ws: string, ids: readonly string[]) => {
  const buckets: Record<string, number> = {};
  const stages: Record<string, number> = {};
  let contacts = 0;
  for (const id of ids) {
    const ledger = (await deps.contacts.get(ws, id))?.score;
    if (!ledger?.counted) continue;
    contacts += 1;
    const bucket = Math.floor(ledger.score / 10) * 10;
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    if (ledger.stage) stages[ledger.stage] = (stages[ledger.stage] ?? 0) + 1;
  }
  return { contacts, buckets, stages };
};

beforeAll(() => {
  n = Math.floor(Math.random() * 1e9);
});

describe('score distribution counters on DynamoDB Local', () => {
  it('follow each score change across buckets and stages', async () => {
    const ws = await workspace();
    const id = await contactIn(ws);
    expect(await counts(ws)).toEqual({ contacts: 0, buckets: {}, stages: {} });
    await visit(ws, id, 'e1');
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 0: 1 }, stages: { subscriber: 1 } });
    await visit(ws, id, 'e2');
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 10: 1 }, stages: { lead: 1 } });
    await scoreContact(ws, id, { kind: 'stage', id: 'm1', stage: 'customer' }, deps);
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 10: 1 }, stages: { customer: 1 } });
  });

  it('count an event delivered twice at once once, and two racing changes of one contact exactly', async () => {
    const ws = await workspace();
    const id = await contactIn(ws);
    const twice = await Promise.all([visit(ws, id, 'same'), visit(ws, id, 'same')]);
    expect(twice.sort()).toEqual(['duplicate', 'scored']);
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 0: 1 }, stages: { subscriber: 1 } });
    await Promise.all([visit(ws, id, 'a'), visit(ws, id, 'b'), visit(ws, id, 'c')]);
    expect((await deps.contacts.get(ws, id))?.score?.score).toBe(28);
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 20: 1 }, stages: { lead: 1 } });
  });

  it('stay exact under many contacts scored in parallel with redeliveries', async () => {
    const ws = await workspace();
    const ids = await Promise.all(Array.from({ length: 8 }, () => contactIn(ws)));
    const deliveries = ids.flatMap((id, i) =>
      Array.from({ length: i % 4 }, (_, k) => [id, `e${k}`] as const).flatMap((d) => [d, d]),
    );
    await Promise.all(deliveries.map(([id, event]) => visit(ws, id, event)));
    const want = await expected(ws, ids);
    expect(want.contacts).toBe(6);
    expect(await counts(ws)).toEqual(want);
  });

  it('lose an erased contact, and only a counted one', async () => {
    const ws = await workspace();
    const [scored, never] = [await contactIn(ws), await contactIn(ws)];
    await visit(ws, scored, 'e1');
    await visit(ws, scored, 'e2');
    await eraseContact(ws, never, deps);
    expect(await counts(ws)).toEqual({ contacts: 1, buckets: { 10: 1 }, stages: { lead: 1 } });
    await eraseContact(ws, scored, deps);
    expect(await counts(ws)).toEqual({ contacts: 0, buckets: {}, stages: {} });
  });

  it('are backfilled for ledgers written before them, once, page by page, racing the scorer', async () => {
    const ws = await workspace();
    const model = await deps.models.get(ws);
    const ids = await Promise.all(Array.from({ length: 6 }, () => contactIn(ws)));
    // Ledgers as scoring wrote them before the counters: no `counted`, no counter.
    for (const [i, id] of ids.entries()) {
      const contact = await deps.contacts.get(ws, id);
      if (!contact || i === 5) continue;
      const score = 7 * i;
      await deps.contacts.replace(
        {
          ...contact,
          score: scoreStateSchema.parse({
            ...emptyScoreState(model),
            points: score,
            score,
            stage: 'subscriber',
          }),
          rev: contact.rev + 1,
        },
        contact,
        undefined,
      );
    }
    expect(await counts(ws)).toEqual({ contacts: 0, buckets: {}, stages: {} });
    // One page of one contact at a time, with the scorer writing the same contacts meanwhile.
    let position: RecountPosition | undefined = { shard: 0 };
    let counted = 0;
    let racing = 0;
    while (position) {
      const [page]: [Awaited<ReturnType<typeof recountScoresPage>>, unknown] = await Promise.all([
        recountScoresPage(ws, position, 1, deps),
        racing < ids.length ? visit(ws, ids[racing] ?? '', `race${racing}`) : undefined,
      ]);
      racing += 1;
      counted += page.counted;
      position = page.next;
    }
    const want = await expected(ws, ids);
    expect(want.contacts).toBe(6);
    expect(await counts(ws)).toEqual(want);
    // Run again from the start: nothing is counted twice.
    expect(await recountScores(ws, deps)).toMatchObject({ read: 6, counted: 0 });
    expect(await counts(ws)).toEqual(want);
    expect(counted).toBeLessThanOrEqual(5);
  });
});
