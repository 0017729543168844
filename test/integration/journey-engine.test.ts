/**
 * The journey engine's reactions on DynamoDB Local (runs and journeys real; timers and effects
 * recorded): the same trigger delivered twice at once makes one run and one email; a redelivered
 * trigger after its run ended starts nothing, even under `always`; another checkout's order is not
 * this run's goal, this checkout's order is (with its value); an unsubscribe cancels the contact's run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import type { StepInput } from '../../lib/journeys/advance-run.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import { type EngineDeps, handleJourneyInput } from '../../lib/journeys/journey-engine.ts';
import type { JourneyInput } from '../../lib/journeys/journey-inputs.ts';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import { journeyRunsRepository } from '../../lib/journeys/runs.repository.ts';
import { workspaceJourneys } from '../../lib/journeys/workspace-journeys.ts';
import { newId } from '../../lib/shared/ids.ts';
import { abandonedCheckoutJourney } from '../support/journeys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
let ws: string;
let journeyId: string;
const T = '2026-12-01T10:00:00.000Z';
const definition = journeyDefinitionSchema.parse(abandonedCheckoutJourney('abandoned-checkout'));

beforeAll(async () => {
  real = realDeps();
  ws = await newWorkspace(real);
  journeyId = newId('jrn');
  await journeysRepository(real.table).create(
    {
      type: 'journey',
      v: 1,
      id: journeyId,
      workspaceId: ws,
      name: definition.name,
      status: 'live',
      version: 1,
      trigger: 'event',
      createdAt: T,
      updatedAt: T,
      rev: 0,
    },
    definition,
  );
});

const engine = () => {
  const timers: StepInput[] = [];
  const emails: { messageId: string; stepId: string; contactId: string }[] = [];
  const deps: EngineDeps = {
    runs: journeyRunsRepository(real.table),
    journeys: workspaceJourneys(journeysRepository(real.table)),
    versions: { getVersion: async () => undefined },
    contactRecord: async (_ws, contactId) => ({
      contact: emptyContact(ws, contactId, 'api', T),
      timeZone: 'UTC',
    }),
    contact: async (_ws, contactId) => ({
      subject: { contact: emptyContact(ws, contactId, 'api', T) },
      timeZone: 'UTC',
    }),
    timers: { set: async (_ws, input) => void timers.push(input) },
    triggerTimers: { set: async () => 'set' as const },
    effects: {
      apply: async (effect, context) => {
        if (effect.type === 'email')
          emails.push({
            messageId: context.messageId,
            stepId: context.step.id,
            contactId: context.run.contactId,
          });
      },
    },
  };
  return { deps: { ...deps, versions: { getVersion: deps.journeys.version } }, timers, emails };
};

const abandoned = (contactId: string, checkoutId: string, id = newId('ev')): JourneyInput => ({
  contactId,
  id,
  event: {
    name: 'checkout.abandoned',
    occurredAt: T,
    properties: { contactId, checkoutId, total: 5000, currency: 'EUR' },
  },
});

const order = (contactId: string, checkoutId: string): JourneyInput => ({
  contactId,
  id: newId('ev'),
  event: {
    name: 'order.placed',
    occurredAt: '2026-12-01T11:00:00.000Z',
    properties: { contactId, orderId: newId('o'), checkoutId, total: 4990, currency: 'EUR', status: 'paid' },
  },
});

describe('the journey engine on DynamoDB Local', () => {
  it('the same trigger twice at once: one run, one nudge (one message id), one timeout timer', async () => {
    const { deps, emails, timers } = engine();
    const contactId = newId('c');
    const input = abandoned(contactId, 'co_a');
    await Promise.all([handleJourneyInput(ws, input, deps), handleJourneyInput(ws, input, deps)]);
    const runs = await deps.runs.ofContact(ws, contactId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'active', stepId: 'wait-order', seq: 1, entries: 1 });
    expect(new Set(emails.map((e) => e.messageId)).size).toBe(1);
    expect(new Set(timers.map((t) => JSON.stringify(t))).size).toBe(1);
  });

  it('a trigger redelivered after its run ended starts nothing, even when re-entry is allowed', async () => {
    const { deps, emails } = engine();
    const contactId = newId('c');
    const input = abandoned(contactId, 'co_b');
    await handleJourneyInput(ws, input, deps);
    await handleJourneyInput(ws, order(contactId, 'co_b'), deps);
    expect((await deps.runs.get(ws, contactId, journeyId))?.status).toBe('ended');
    expect(await handleJourneyInput(ws, input, deps)).toEqual([
      `${journeyId}: not entered: this trigger’s run already ended`,
    ]);
    expect(emails).toHaveLength(1);
    // A new abandonment (another event) is a new run.
    await handleJourneyInput(ws, abandoned(contactId, 'co_c'), deps);
    expect(await deps.runs.get(ws, contactId, journeyId)).toMatchObject({ status: 'active', entries: 2 });
  });

  it('another checkout’s order goes on; this checkout’s order is the goal, with its value', async () => {
    const { deps } = engine();
    const contactId = newId('c');
    await handleJourneyInput(ws, abandoned(contactId, 'co_d'), deps);
    await handleJourneyInput(ws, order(contactId, 'co_other'), deps);
    expect((await deps.runs.get(ws, contactId, journeyId))?.status).toBe('active');
    expect(await handleJourneyInput(ws, order(contactId, 'co_d'), deps)).toEqual([
      `${journeyId}: goal reached`,
    ]);
    expect(await deps.runs.get(ws, contactId, journeyId)).toMatchObject({
      status: 'ended',
      ended: 'goal',
      revenue: { amount: 4990, currency: 'EUR' },
    });
  });

  it('an unsubscribe cancels the contact’s active run; the later timeout finds it ended', async () => {
    const { deps, timers, emails } = engine();
    const contactId = newId('c');
    await handleJourneyInput(ws, abandoned(contactId, 'co_e'), deps);
    const cancel: JourneyInput = {
      contactId,
      id: newId('ev'),
      event: {
        name: 'contact.consent.changed',
        occurredAt: T,
        properties: { channel: 'email', status: 'unsubscribed' },
      },
      cancel: 'unsubscribed',
    };
    expect(await handleJourneyInput(ws, cancel, deps)).toEqual([`${journeyId}: ended, unsubscribed`]);
    const { advanceRun } = await import('../../lib/journeys/advance-run.ts');
    const timeout = timers.find((t) => t.contactId === contactId);
    if (!timeout) throw new Error('no timeout timer');
    expect(await advanceRun(ws, timeout, deps)).toBe('stale: the run moved on or ended');
    expect(emails.filter((e) => e.contactId === contactId).map((e) => e.stepId)).toEqual(['nudge']);
  });
});
