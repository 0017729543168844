/**
 * Numbers a request may hold are those the table keeps exactly: an out-of-range one is a field issue
 * at its own path (a 422), never a write that fails (a 500).
 */
import { describe, expect, it } from 'vitest';
import { conditionSchema } from '../../lib/conditions/condition.schema.ts';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { trackBody } from '../../lib/events/track.schema.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import {
  isStorableNumber,
  MAX_JSON_DEPTH,
  UNSTORABLE_NUMBER,
} from '../../lib/shared/values/storable-number.schema.ts';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('storable numbers', () => {
  it('are finite, within ±(2^53 − 1), and 0 or at least 1e-130 in magnitude', () => {
    for (const n of [
      0,
      -0,
      1,
      -1.5,
      0.1 + 0.2,
      1e-130,
      -1e-130,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
    ])
      expect(isStorableNumber(n), String(n)).toBe(true);
    for (const n of [
      Number.MAX_SAFE_INTEGER + 1,
      1e20,
      1e126,
      1e300,
      -1e300,
      5e-324,
      1e-131,
      Number.NaN,
      Infinity,
    ])
      expect(isStorableNumber(n), String(n)).toBe(false);
  });

  it('contact attributes: each unstorable number is named', () => {
    const parsed = upsertContactBody.safeParse({
      email: 'a@example.com',
      attributes: { big: 1e300, tiny: 5e-324, ok: 12.5 },
    });
    expect(issues(parsed)).toEqual([
      `attributes.big: ${UNSTORABLE_NUMBER}`,
      `attributes.tiny: ${UNSTORABLE_NUMBER}`,
    ]);
    expect(upsertContactBody.safeParse({ email: 'a@example.com', attributes: { n: 1e-130 } }).success).toBe(
      true,
    );
  });

  it('tracked properties: a number at any depth is named by its path, in a batch too', () => {
    expect(
      issues(
        trackBody.safeParse({
          name: 'x',
          email: 'a@example.com',
          properties: { a: { b: [1, 1e300] }, c: 2 ** 53 },
        }),
      ),
    ).toEqual([`properties.a.b.1: ${UNSTORABLE_NUMBER}`, `properties.c: ${UNSTORABLE_NUMBER}`]);
    expect(
      issues(
        trackBody.safeParse({ batch: [{ name: 'x', email: 'a@example.com', properties: { a: 1e126 } }] }),
      ),
    ).toEqual([`batch.0.properties.a: ${UNSTORABLE_NUMBER}`]);
  });

  it('condition values (segments, journeys, scoring, campaign audiences): named, other reasons kept', () => {
    expect(
      issues(conditionSchema.safeParse({ type: 'attribute', field: 'attributes.x', op: 'gt', value: 1e300 })),
    ).toEqual([`value: ${UNSTORABLE_NUMBER}`]);
    expect(
      issues(
        conditionSchema.safeParse({ type: 'attribute', field: 'attributes.x', op: 'in', value: [1, -1e300] }),
      ),
    ).toEqual([`value.1: ${UNSTORABLE_NUMBER}`]);
    expect(issues(conditionSchema.safeParse({ type: 'score', op: 'gte', value: 1e200 }))).toEqual([
      `value: ${UNSTORABLE_NUMBER}`,
    ]);
    expect(
      issues(
        conditionSchema.safeParse({
          type: 'event',
          name: 'x',
          op: 'did',
          where: [{ path: 'properties.total', op: 'equals', value: 2 ** 60 }],
        }),
      ),
    ).toEqual([`where.0.value: ${UNSTORABLE_NUMBER}`]);
  });
});

describe('storable numbers in a journey document', () => {
  const journey = (step: Record<string, unknown>) => ({
    name: 'j',
    trigger: { type: 'event', event: 'signed_up' },
    steps: [{ id: 's1', ...step }],
  });
  it('an update step’s attributes and an emit step’s properties are named', () => {
    expect(
      issues(journeyDefinitionSchema.safeParse(journey({ type: 'update', attributes: { n: 1e300 } }))),
    ).toEqual([`steps.0.attributes.n: ${UNSTORABLE_NUMBER}`]);
    expect(
      issues(
        journeyDefinitionSchema.safeParse(
          journey({ type: 'emit', name: 'signal', properties: { a: [2 ** 60] } }),
        ),
      ),
    ).toEqual([`steps.0.properties.a.0: ${UNSTORABLE_NUMBER}`]);
  });
});

describe('free JSON nests within the table’s limits', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
    return value;
  };
  it(`tracked properties nest at most ${MAX_JSON_DEPTH} levels; deeper is named where it goes too deep`, () => {
    expect(
      trackBody.safeParse({ name: 'x', email: 'a@example.com', properties: { n: nested(14) } }).success,
    ).toBe(true);
    const deep = issues(
      trackBody.safeParse({ name: 'x', email: 'a@example.com', properties: { n: nested(40) } }),
    );
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^properties\.n(\.\w+){15}: nests at most 16 levels of objects and lists$/);
  });
});

describe('free JSON nested far too deep', () => {
  it('is refused by depth without walking it all (no stack exhaustion)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 20_000; i++) value = [value];
    const result = trackBody.safeParse({ name: 'x', email: 'a@example.com', properties: { n: value } });
    expect(result.success).toBe(false);
  });
});
