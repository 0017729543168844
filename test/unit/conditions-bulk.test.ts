import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import { compile } from '../../lib/conditions/evaluate.ts';
import type { Subject } from '../../lib/conditions/subject.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const COUNTRIES = ['ES', 'PT', 'FR', 'DE'];

/** Contact i: country by i % 4, orders on i % 3 of the last days, vip when i % 10 === 0. */
const synthetic = (i: number): Subject => {
  const base = emptyContact('ws_bulk', `c_${i}`, 'import', '2025-01-01T00:00:00.000Z');
  const orders = i % 3;
  const contact: Contact = {
    ...base,
    email: `user${i}@example.com`,
    attributes: { country: COUNTRIES[i % 4] ?? 'ES', age: 18 + (i % 60) },
    tags: i % 10 === 0 ? ['vip'] : [],
    consent: {
      email: { status: i % 7 === 0 ? 'unsubscribed' : 'subscribed', source: 'import', at: base.createdAt },
    },
    activity: {
      eventCount: orders,
      byName:
        orders > 0
          ? { 'order.placed': { count: orders, lastAt: new Date(NOW - (i % 120) * DAY).toISOString() } }
          : {},
    },
  };
  return {
    contact,
    events: Array.from({ length: orders }, (_, k) => ({
      name: 'order.placed',
      occurredAt: new Date(NOW - (i % 120) * DAY - k * DAY).toISOString(),
      properties: { total: 1000 * (k + 1) },
    })),
    engagement: [{ kind: 'delivered', at: new Date(NOW - 3 * DAY).toISOString() }],
  };
};

describe('bulk evaluation', () => {
  it('compiles once and evaluates 100,000 synthetic contacts', () => {
    const run = compile(
      parseCondition({
        type: 'all',
        conditions: [
          {
            type: 'attribute',
            field: 'attributes.country',
            op: 'in',
            value: ['es', 'pt'],
            caseInsensitive: true,
          },
          { type: 'consent', channel: 'email', status: 'subscribed' },
          { type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 },
          { type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: 3 },
          { type: 'not', condition: { type: 'tag', op: 'has', value: 'vip' } },
        ],
      }),
    );
    const context = { now: new Date(NOW) };
    let matched = 0;
    let expected = 0;
    for (let i = 0; i < 100_000; i++) {
      if (run(synthetic(i), context)) matched += 1;
      const ordersInWindow = i % 3 === 2 && i % 120 <= 89;
      if (i % 4 < 2 && i % 7 !== 0 && ordersInWindow && i % 10 !== 0) expected += 1;
    }
    expect(matched).toBe(expected);
    expect(matched).toBeGreaterThan(0);
  });
});
