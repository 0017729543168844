/**
 * The engine's core on DynamoDB Local (runs real; timers and effects recorded): the abandoned-checkout
 * journey sends the nudge and waits for this checkout's order; its timeout delivered twice at once
 * sends one reminder; the order first ends the run and the timeout then finds it moved; a timer that
 * fires before its run made the move is delivered again later, not dropped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { type AdvanceDeps, advanceRun, type StepInput, stepTimerId } from '../../lib/journeys/advance-run.ts';
import {
  type JourneyDefinition,
  journeyDefinitionSchema,
} from '../../lib/journeys/journey-definition.schema.ts';
import { journeyRunsRepository } from '../../lib/journeys/runs.repository.ts';
import { TransientError } from '../../lib/shared/errors.ts';
import { newId } from '../../lib/shared/ids.ts';
import { abandonedCheckoutJourney } from '../support/journeys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
let ws: string;
beforeAll(async () => {
  real = realDeps();
  ws = await newWorkspace(real);
});

const T = '2026-12-01T10:00:00.000Z';
const hoursAfter = (h: number) => new Date(Date.parse(T) + h * 3_600_000).toISOString();
const definition = journeyDefinitionSchema.parse(abandonedCheckoutJourney('abandoned-checkout'));

const engine = (journeyId: string, journey: JourneyDefinition = definition, timeZone = 'Europe/Madrid') => {
  const timers = new Map<string, { due: string; input: StepInput }>();
  const emails: { messageId: string; stepId: string }[] = [];
  const deps: AdvanceDeps = {
    runs: journeyRunsRepository(real.table),
    versions: {
      getVersion: async (_ws, id, version) =>
        id === journeyId
          ? { type: 'journeyVersion', v: 1, journeyId, version, definition: journey, createdAt: T }
          : undefined,
    },
    contact: async (_ws, contactId) => ({
      subject: { contact: emptyContact(ws, contactId, 'api', T) },
      timeZone,
    }),
    timers: {
      set: async (_ws, input, due) => {
        timers.set(stepTimerId(input.runId, input.seq), { due: due.toISOString(), input });
      },
    },
    effects: {
      apply: async (effect, context) => {
        if (effect.type === 'email') emails.push({ messageId: context.messageId, stepId: context.step.id });
      },
    },
  };
  return { deps, timers, emails };
};

const entered = async (journeyId: string) => {
  const contactId = newId('c');
  const trigger = { name: 'checkout.abandoned', occurredAt: T, properties: { checkoutId: 'co_1' } };
  const entry = await journeyRunsRepository(real.table).enter(
    ws,
    contactId,
    { id: journeyId, version: 1, firstStep: 'nudge', entry: { mode: 'always' } },
    newId('run'),
    trigger,
    new Date(T),
  );
  if (!entry.entered) throw new Error('not entered');
  return {
    contactId,
    runId: entry.run.runId,
    start: { journeyId, contactId, runId: entry.run.runId, seq: 0, at: T },
  };
};

describe('advancing journey runs', () => {
  it('nudge, wait for the order, the timeout delivered twice at once: one reminder, then the run ends', async () => {
    const journeyId = newId('jrn');
    const { deps, timers, emails } = engine(journeyId);
    const { contactId, runId, start } = await entered(journeyId);

    expect(await advanceRun(ws, start, deps)).toBe(`waiting for an event until ${hoursAfter(23)}`);
    // The entry delivered again: nothing more.
    expect(await advanceRun(ws, start, deps)).toBe('stale: the run moved on or ended');
    expect(emails.map((e) => e.stepId)).toEqual(['nudge']);
    // The nudge and the wait that follows it: one move of the run, not one per step.
    expect((await deps.runs.get(ws, contactId, journeyId))?.seq).toBe(1);
    const timeout = timers.get(stepTimerId(runId, 1));
    expect(timeout).toEqual({
      due: hoursAfter(23),
      input: { journeyId, contactId, runId, seq: 1, at: hoursAfter(23), resume: 'timeout' },
    });
    if (!timeout) throw new Error('no timer');

    const outcomes = await Promise.all([
      advanceRun(ws, timeout.input, deps),
      advanceRun(ws, timeout.input, deps),
    ]);
    expect(outcomes.filter((o) => o === 'ended: completed')).toHaveLength(1);
    // Each delivery may apply the email, always under the same message id: the send path claims it once.
    expect(new Set(emails.filter((e) => e.stepId === 'reminder').map((e) => e.messageId)).size).toBe(1);
    expect(await deps.runs.get(ws, contactId, journeyId)).toMatchObject({
      status: 'ended',
      ended: 'completed',
    });
  });

  it('the order first: the run ends, and the timeout later finds it moved', async () => {
    const journeyId = newId('jrn');
    const { deps, timers, emails } = engine(journeyId);
    const { runId, start } = await entered(journeyId);
    await advanceRun(ws, start, deps);
    const order: StepInput = { ...start, seq: 1, at: hoursAfter(3), resume: 'event' };
    expect(await advanceRun(ws, order, deps)).toBe('ended: completed');
    const timeout = timers.get(stepTimerId(runId, 1));
    if (!timeout) throw new Error('no timer');
    expect(await advanceRun(ws, timeout.input, deps)).toBe('stale: the run moved on or ended');
    expect(emails.map((e) => e.stepId)).toEqual(['nudge']);
  });

  it('a timer that fires before its run made the move is delivered again, not dropped', async () => {
    const journeyId = newId('jrn');
    const { deps } = engine(journeyId);
    const { start } = await entered(journeyId);
    await expect(advanceRun(ws, { ...start, seq: 1, resume: 'timeout' }, deps)).rejects.toBeInstanceOf(
      TransientError,
    );
  });

  it('a last wait: its timer completes the run, and fires nothing else', async () => {
    const journeyId = newId('jrn');
    const lastWait = journeyDefinitionSchema.parse({
      ...abandonedCheckoutJourney('abandoned-checkout'),
      steps: [
        { id: 'nudge', type: 'email', template: { templateId: 'abandoned-checkout' }, next: 'cool-off' },
        { id: 'cool-off', type: 'wait', duration: { days: 1 } },
      ],
    });
    const { deps, timers, emails } = engine(journeyId, lastWait);
    const { contactId, runId, start } = await entered(journeyId);
    expect(await advanceRun(ws, start, deps)).toBe(`waiting until ${hoursAfter(24)}`);
    const timer = timers.get(stepTimerId(runId, 1));
    if (!timer) throw new Error('no timer');
    expect(await advanceRun(ws, timer.input, deps)).toBe('ended: completed');
    expect(emails.map((e) => e.stepId)).toEqual(['nudge']);
    expect(timers.size).toBe(1);
    expect(await deps.runs.get(ws, contactId, journeyId)).toMatchObject({
      status: 'ended',
      ended: 'completed',
    });
  });

  it('quiet hours across the end of US daylight time: the nudge is held to 08:00 EST, then sent once', async () => {
    const journeyId = newId('jrn');
    const quiet = journeyDefinitionSchema.parse(
      abandonedCheckoutJourney('abandoned-checkout', { quietHours: { from: '21:00', to: '08:00' } }),
    );
    const { deps, timers, emails } = engine(journeyId, quiet, 'America/New_York');
    // 23:30 EDT on Saturday 31 October 2026; the clocks go back at 02:00 on Sunday 1 November.
    const night = '2026-11-01T03:30:00.000Z';
    const runs = journeyRunsRepository(real.table);
    const contactId = newId('c');
    const entry = await runs.enter(
      ws,
      contactId,
      { id: journeyId, version: 1, firstStep: 'nudge', entry: { mode: 'always' } },
      newId('run'),
      { name: 'checkout.abandoned', occurredAt: night, properties: { checkoutId: 'co_q' } },
      new Date(night),
    );
    if (!entry.entered) throw new Error('not entered');
    const { runId } = entry.run;
    const start = { journeyId, contactId, runId, seq: 0, at: night };
    // 08:00 EST is 13:00 UTC (EDT would have made it 12:00).
    expect(await advanceRun(ws, start, deps)).toBe('waiting until 2026-11-01T13:00:00.000Z');
    expect(emails).toEqual([]);
    const held = timers.get(stepTimerId(runId, 1));
    if (!held) throw new Error('no timer');
    const outcomes = await Promise.all([advanceRun(ws, held.input, deps), advanceRun(ws, held.input, deps)]);
    expect(outcomes.filter((o) => o.startsWith('waiting for an event'))).toHaveLength(1);
    expect(new Set(emails.map((e) => e.messageId)).size).toBe(1);
    expect(emails.map((e) => e.stepId)).toContain('nudge');
  });
});
