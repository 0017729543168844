/** The dry run's request from the made-up sequence (offsets from one start) and its timeline. */
import { describe, expect, it } from 'vitest';
import {
  type DryRunResult,
  dryRunBody,
  offsetMs,
  startOf,
  timeline,
} from '../src/pages/journeys/dry-run/dry-run-model.ts';

const START = new Date('2026-03-08T10:00:00.000Z');

describe('the dry run', () => {
  it('sends a made-up sequence as the trigger’s properties and events at their offsets from the start', () => {
    const body = dryRunBody(
      'j_1',
      {
        kind: 'madeUp',
        trigger: [
          { key: 'a', name: ' checkoutId ', value: 'chk_1' },
          { key: 'b', name: '', value: 'ignored: no name' },
        ],
        events: [
          {
            key: 'e1',
            name: 'order.placed',
            properties: [{ key: 'c', name: 'checkoutId', value: 'chk_1' }],
            after: { amount: '90', unit: 'minutes' },
          },
          { key: 'e2', name: 'page.viewed', properties: [], after: { amount: '2', unit: 'days' } },
          { key: 'e3', name: '  ', properties: [], after: { amount: '1', unit: 'hours' } },
        ],
      },
      START,
    );

    expect(body).toEqual({
      journeyId: 'j_1',
      start: '2026-03-08T10:00:00.000Z',
      trigger: { properties: { checkoutId: 'chk_1' } },
      events: [
        { name: 'order.placed', at: '2026-03-08T11:30:00.000Z', properties: { checkoutId: 'chk_1' } },
        { name: 'page.viewed', at: '2026-03-10T10:00:00.000Z', properties: {} },
      ],
    });
  });

  it('sends a contact as its id only', () => {
    expect(dryRunBody('j_1', { kind: 'contact', contactId: 'c_9' }, START)).toEqual({
      journeyId: 'j_1',
      start: START.toISOString(),
      contactId: 'c_9',
    });
  });

  it('reads a blank or negative offset as the start itself', () => {
    expect(offsetMs({ amount: '', unit: 'days' })).toBe(0);
    expect(offsetMs({ amount: '-3', unit: 'hours' })).toBe(0);
    expect(offsetMs({ amount: '3', unit: 'hours' })).toBe(3 * 3_600_000);
  });

  it('lists the steps in order, each email step with its template, a step held by quiet hours twice', () => {
    const result: DryRunResult = {
      timeZone: 'Europe/Madrid',
      steps: [
        { stepId: 'nudge', type: 'email', at: '2026-03-08T22:00:00.000Z', outcome: 'quiet hours' },
        { stepId: 'nudge', type: 'email', at: '2026-03-09T07:00:00.000Z', outcome: 'email' },
        { stepId: 'wait-order', type: 'waitForEvent', at: '2026-03-09T07:00:00.000Z', outcome: 'timed out' },
      ],
      emails: [{ stepId: 'nudge', at: '2026-03-09T07:00:00.000Z', templateId: 'abandoned-checkout' }],
      end: { at: '2026-03-09T09:00:00.000Z', why: 'completed' },
    };

    const entries = timeline(result);

    expect(entries.map((e) => [e.stepId, e.at, e.templateId])).toEqual([
      ['nudge', '2026-03-08T22:00:00.000Z', undefined],
      ['nudge', '2026-03-09T07:00:00.000Z', 'abandoned-checkout'],
      ['wait-order', '2026-03-09T07:00:00.000Z', undefined],
    ]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(3);
  });
});

describe('the dry run’s start', () => {
  it('is the time typed, else now', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(startOf('', now)).toBe(now);
    expect(startOf('not a time', now)).toBe(now);
    expect(startOf('2026-03-08T15:00', now).getTime()).toBe(new Date(2026, 2, 8, 15, 0).getTime());
  });
});
