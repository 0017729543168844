/**
 * The dry run of journeys on a virtual clock: the abandoned-checkout journey sends the nudge, stops
 * when this checkout's order arrives and never sends the reminder; without the order (or with another
 * checkout's) it sends both; quiet hours and DST move an email to the right instant; an update is seen
 * by a later branch; a split takes the same path for a run every time, paths by weight over many.
 */
import { describe, expect, it } from 'vitest';
import type { EventInput, Subject } from '../../lib/conditions/subject.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { dryRun } from '../../lib/journeys/dry-run.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import { abandonedCheckoutJourney } from '../support/journeys.ts';

const subject: Subject = { contact: emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z') };
const T = '2026-11-30T10:00:00.000Z';
const hoursAfter = (h: number) => new Date(Date.parse(T) + h * 3_600_000).toISOString();
const event = (name: string, occurredAt: string, properties: Record<string, unknown> = {}): EventInput => ({
  name,
  occurredAt,
  properties,
});

const abandoned = journeyDefinitionSchema.parse(
  abandonedCheckoutJourney('abandoned-checkout', { reminderVersion: 2 }),
);
const trigger = event('checkout.abandoned', T, { checkoutId: 'co_1' });
const run = (events: EventInput[], over: Partial<Parameters<typeof dryRun>[0]> = {}) =>
  dryRun({
    definition: abandoned,
    start: new Date(T),
    timeZone: 'Europe/Madrid',
    subject,
    trigger,
    events,
    ...over,
  });

describe('journey dry run', () => {
  it('abandoned checkout: the nudge, then the order of this checkout ends it before the reminder', () => {
    const result = run([event('order.placed', hoursAfter(3), { checkoutId: 'co_1', total: 4999 })]);
    expect(result.emails).toEqual([{ stepId: 'nudge', at: T, templateId: 'abandoned-checkout' }]);
    expect(result.end).toEqual({ at: hoursAfter(3), why: 'goal', stepId: 'wait-order' });
  });

  it('abandoned checkout without its order (or with another checkout’s): both emails, the second 23 h later', () => {
    for (const events of [[], [event('order.placed', hoursAfter(3), { checkoutId: 'co_2' })]]) {
      const result = run(events);
      expect(result.emails.map((e) => [e.stepId, e.at])).toEqual([
        ['nudge', T],
        ['reminder', hoursAfter(23)],
      ]);
      expect(result.end).toEqual({ at: hoursAfter(23), why: 'completed' });
    }
  });

  it('holds an email in quiet hours until they end, in the contact’s zone, across the DST change', () => {
    const quiet = journeyDefinitionSchema.parse({ ...abandoned, quietHours: { from: '21:00', to: '08:00' } });
    // 22:30 in New York on Saturday 2026-03-07; the clocks go forward that night: 08:00 EDT is 12:00Z.
    const result = dryRun({
      definition: quiet,
      start: new Date('2026-03-08T03:30:00.000Z'),
      timeZone: 'America/New_York',
      subject,
      trigger,
      events: [],
    });
    expect(result.emails[0]).toEqual({
      stepId: 'nudge',
      at: '2026-03-08T12:00:00.000Z',
      templateId: 'abandoned-checkout',
    });
    expect(result.steps[0]?.outcome).toMatch(/^quiet hours/);
  });

  it('a branch sees what an update step changed; a wait beyond the horizon ends the simulation', () => {
    const doc = journeyDefinitionSchema.parse({
      name: 'VIP',
      trigger: { type: 'event', event: 'order.placed' },
      steps: [
        { id: 'tag', type: 'update', addTags: ['vip'], next: 'check' },
        {
          id: 'check',
          type: 'branch',
          condition: { type: 'tag', op: 'has', value: 'vip' },
          ifTrue: 'thanks',
          ifFalse: 'bye',
        },
        { id: 'thanks', type: 'email', template: { templateId: 'welcome' }, next: 'later' },
        { id: 'later', type: 'wait', duration: { days: 200 } },
        { id: 'bye', type: 'exit' },
      ],
    });
    const result = dryRun({
      definition: doc,
      start: new Date(T),
      timeZone: 'UTC',
      subject,
      events: [],
      horizonDays: 30,
    });
    expect(result.steps.map((s) => [s.stepId, s.outcome])).toEqual([
      ['tag', 'update'],
      ['check', 'condition true'],
      ['thanks', 'email'],
      ['later', `wait until ${new Date(Date.parse(T) + 200 * 86_400_000).toISOString()}`],
    ]);
    expect(result.end).toMatchObject({ why: 'horizon', stepId: 'later' });
  });

  it('a split takes the same path for a run every time, and paths by weight over many runs', () => {
    const doc = journeyDefinitionSchema.parse({
      name: 'Holdout',
      trigger: { type: 'event', event: 'order.placed' },
      steps: [
        { id: 'split', type: 'split', paths: [{ weight: 90, next: 'mail' }, { weight: 10 }] },
        { id: 'mail', type: 'email', template: { templateId: 'welcome' } },
      ],
    });
    const mailed = (runId: string) =>
      dryRun({ definition: doc, start: new Date(T), timeZone: 'UTC', subject, events: [], runId }).emails
        .length;
    expect(mailed('run-1')).toBe(mailed('run-1'));
    const share =
      Array.from({ length: 2000 }, (_, i) => mailed(`run-${i}`)).reduce((a, b) => a + b, 0) / 2000;
    expect(share).toBeGreaterThan(0.86);
    expect(share).toBeLessThan(0.94);
  });

  it('waits until 09:00 in the contact’s zone, then sends', () => {
    const doc = journeyDefinitionSchema.parse({
      name: 'Morning',
      trigger: { type: 'event', event: 'signed_up' },
      steps: [
        {
          id: 'morning',
          type: 'waitUntil',
          time: '09:00',
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          next: 'hello',
        },
        { id: 'hello', type: 'email', template: { templateId: 'welcome' } },
      ],
    });
    // Saturday 2026-03-28, 23:00 in Madrid: Monday 09:00 CEST (after the change) is 07:00Z on the 30th.
    const result = dryRun({
      definition: doc,
      start: new Date('2026-03-28T22:00:00.000Z'),
      timeZone: 'Europe/Madrid',
      subject,
      events: [],
    });
    expect(result.emails).toEqual([
      { stepId: 'hello', at: '2026-03-30T07:00:00.000Z', templateId: 'welcome' },
    ]);
  });
});
