/**
 * The score distribution's bench part: what its counters add to a score change (the counter update
 * rides in the scorer's transaction only when a contact changes bucket or stage) and what one
 * distribution request reads, in request units by AWS's billing rules (./capacity.ts), through the
 * HTTP API and the bus of the local stack.
 */

import type { LocalStack } from '../infra/local/stack.ts';
import { apiCaller } from './api-call.ts';
import type { meter as Meter, Tally } from './capacity.ts';

export interface ScoringFigures {
  readonly contacts: number;
  readonly events: number;
  /** Score changes: history entries written. */
  readonly changes: number;
  /** Score changes that also moved the contact between counters. */
  readonly counterWrites: number;
  readonly writeUnitsPerChange: number;
  readonly counterWriteUnitsPerChange: number;
  readonly counterWriteUnitsPerCounterWrite: number;
  readonly distribution: { readonly readUnits: number; readonly calls: number; readonly buckets: number };
}

const sum = (tally: Tally, suffix: string, what: 'count' | 'writeUnits') =>
  Object.entries(tally.byOperation)
    .filter(([op]) => op.endsWith(suffix))
    .reduce((n, [, o]) => n + o[what], 0);

export const benchScoring = async (o: {
  stack: LocalStack;
  meter: ReturnType<typeof Meter>;
  token: string;
  contacts: number;
  eventsPerContact: number;
}): Promise<ScoringFigures> => {
  const call = apiCaller(o.stack.apiUrl, o.token);
  // 4 points a visit: a contact crosses a 10-point bucket on about 4 visits in 10, and the lead (10)
  // and mql (30) thresholds once each.
  await call('PUT', '/v1/scoring-model', {
    engagement: [{ id: 'visit', event: 'page_viewed', points: 4 }],
    lifecycle: {
      stages: ['subscriber', 'lead', 'mql', 'customer'],
      thresholds: [
        { stage: 'lead', minScore: 10 },
        { stage: 'mql', minScore: 30 },
      ],
    },
  });
  const emails = Array.from({ length: o.contacts }, (_, i) => `scored${i}@scoring.example`);
  for (const email of emails) await call('POST', '/v1/contacts', { email });
  await o.stack.idle();
  o.meter.reset();
  let n = 0;
  for (let round = 0; round < o.eventsPerContact; round++) {
    const batch = emails.map((email) => ({
      id: `visit-${round}-${email.split('@')[0]}`,
      name: 'page_viewed',
      email,
      properties: { path: `/p/${n++}` },
    }));
    for (let i = 0; i < batch.length; i += 25)
      await call('POST', '/v1/track', { batch: batch.slice(i, i + 25) });
    // One visit per contact per round, scored before the next round: no retry on a conflict inflates it.
    await o.stack.idle();
  }
  const scoring = o.meter.get('score-contact');
  const changes = sum(scoring, ' scoreHistory', 'count');
  const counterWrites = sum(scoring, ' scoreCounter', 'count');
  const counterUnits = sum(scoring, ' scoreCounter', 'writeUnits');
  o.meter.reset();
  const view = await call('GET', '/v1/score-distribution');
  const buckets = typeof view === 'object' && view !== null ? Reflect.get(view, 'buckets') : undefined;
  const read = o.meter.get('score-distribution');
  return {
    contacts: o.contacts,
    events: o.contacts * o.eventsPerContact,
    changes,
    counterWrites,
    writeUnitsPerChange: scoring.writeUnits / Math.max(1, changes),
    counterWriteUnitsPerChange: counterUnits / Math.max(1, changes),
    counterWriteUnitsPerCounterWrite: counterUnits / Math.max(1, counterWrites),
    distribution: {
      readUnits: read.readUnits,
      calls: read.calls,
      buckets: Array.isArray(buckets) ? buckets.length : 0,
    },
  };
};
