import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import { evaluate } from '../../lib/conditions/evaluate.ts';
import { subjectOf } from '../../lib/conditions/subject.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const scored = (score: number, stage?: string): Contact => ({
  ...emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z'),
  score: {
    points: score,
    at: 0,
    buckets: [],
    fit: 0,
    fitRules: [],
    caps: {},
    score,
    ...(stage ? { stage } : {}),
  },
});

describe('the subject of a stored contact', () => {
  it('carries the score and stage of its ledger, so stage and score segments match in rebuilds too', () => {
    const subject = subjectOf(scored(80, 'mql'));
    expect(evaluate(parseCondition({ type: 'stage', op: 'equals', value: 'mql' }), subject, { now })).toBe(
      true,
    );
    expect(evaluate(parseCondition({ type: 'score', op: 'gte', value: 60 }), subject, { now })).toBe(true);
  });

  it('reads as score 0 and no stage without a ledger, and passes the timeline events on', () => {
    const contact = emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z');
    const events = [{ name: 'signed_up', occurredAt: '2026-06-01T00:00:00.000Z', properties: {} }];
    const subject = subjectOf(contact, events);
    expect(subject).toEqual({ contact, events });
    expect(evaluate(parseCondition({ type: 'stage', op: 'equals', value: 'mql' }), subject, { now })).toBe(
      false,
    );
  });
});
