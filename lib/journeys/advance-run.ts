/**
 * Takes a contact's run of a journey forward from one step, exactly once however often it is
 * delivered: the engine's core, run on entry and by each `journey-step` timer.
 *
 * - The step is planned at `at`, the instant it was due (the entry, or the timer's due), not at the
 *   moment it happens to run: a redelivery plans the same thing, the same timer (id and due) and the
 *   same email (message id), so repeating any part of it does nothing twice.
 * - Immediate steps (email, branch, split, update, emit, webhook) run one after the other, each
 *   effect idempotent (an email's message id is claimed by the send path; an update sets values; a
 *   signal is stored once), up to the next wait or the end: then the run makes **one** move, fenced by
 *   the run id and the step counter it was read with. A redelivery, or a crash before the move, takes
 *   the same steps again and repeats nothing; a lost race (a goal, an unsubscribe, a duplicate) ends it.
 * - A wait sets its timer first (named by the run and the counter it will have), then moves. A
 *   timer that fires while the run has not made that move yet (a crash in between) throws, so it is
 *   delivered again, and the step's own redelivery makes the move meanwhile.
 * - `waitForEvent` keeps the run at its step with a timeout timer (`resume: timeout`); the awaited event
 *   resumes it with `resume: event`. Whichever comes first moves it; the other finds it moved.
 */
import type { Subject } from '../conditions/subject.ts';
import { TransientError } from '../shared/errors.ts';
import { derivedId } from '../shared/ids.ts';
import { withUpdate } from './dry-run.ts';
import type { JourneyVersion } from './journey.schema.ts';
import type { JourneyDefinition, JourneyStep } from './journey-definition.schema.ts';
import type { JourneyRun, JourneyRunsRepository, RunEnd } from './runs.repository.ts';
import { planStep, type StepEffect } from './step-plan.ts';

/** What a `journey-step` timer (or the entry) asks for. */
export interface StepInput {
  readonly journeyId: string;
  readonly contactId: string;
  readonly runId: string;
  /** The step counter the run must be at. */
  readonly seq: number;
  /** ISO: when the step was due. */
  readonly at: string;
  /** How a `waitForEvent` step ended: its event came, or its timeout. */
  readonly resume?: 'event' | 'timeout';
}

/** An effect with what makes it idempotent: the run, the step, and the email's message id. */
export interface EffectContext {
  readonly workspaceId: string;
  readonly run: JourneyRun;
  readonly step: JourneyStep;
  readonly at: Date;
  /** The message id of an email step, the same at every delivery. */
  readonly messageId: string;
}

export interface AdvanceDeps {
  readonly runs: Pick<JourneyRunsRepository, 'get' | 'move'>;
  readonly versions: {
    getVersion(workspaceId: string, journeyId: string, version: number): Promise<JourneyVersion | undefined>;
  };
  /**
   * The contact as conditions read it, and its zone (its own, else the workspace's); read only for a
   * step that needs it. None: the contact is gone, and the run ends.
   */
  readonly contact: (
    workspaceId: string,
    contactId: string,
  ) => Promise<{ readonly subject: Subject; readonly timeZone: string } | undefined>;
  readonly timers: { set(workspaceId: string, input: StepInput, due: Date): Promise<void> };
  readonly effects: { apply(effect: StepEffect, context: EffectContext): Promise<void> };
}

/** A journey step's timer id: the run and the counter it will be at. */
export const stepTimerId = (runId: string, seq: number): string => `${runId}:${seq}`;

/** An email step's message id: one per run and step, timed at the step's due instant. */
export const stepMessageId = (runId: string, stepId: string, at: Date): string =>
  derivedId('m', at, `journey/${runId}/${stepId}`);

const MAX_IMMEDIATE_STEPS = 60;

/** The input of the timer that takes the run on from its next move, due at `due`. */
const timerInput = (run: JourneyRun, due: Date, resume?: StepInput['resume']): StepInput => ({
  journeyId: run.journeyId,
  contactId: run.contactId,
  runId: run.runId,
  seq: run.seq + 1,
  at: due.toISOString(),
  ...(resume ? { resume } : {}),
});

/** Whether planning this step reads the contact: a branch, the contact's clock (waitUntil, quiet hours). */
const readsContact = (step: JourneyStep, doc: JourneyDefinition): boolean =>
  step.type === 'branch' ||
  step.type === 'waitUntil' ||
  (step.type === 'email' && doc.quietHours !== undefined);

const STALE = 'stale: the run moved on or ended';

/** Where a run waits after its last step's wait: no step has this id (ids start with a letter). */
const AFTER_LAST = '-end';

export const advanceRun = async (
  workspaceId: string,
  input: StepInput,
  deps: AdvanceDeps,
): Promise<string> => {
  const run = await deps.runs.get(workspaceId, input.contactId, input.journeyId);
  if (!run || run.runId !== input.runId || run.status !== 'active' || run.seq > input.seq) return STALE;
  if (run.seq < input.seq)
    throw new TransientError(`run ${input.runId} is at move ${run.seq}, not yet ${input.seq}: try again`);
  const version = await deps.versions.getVersion(workspaceId, run.journeyId, run.version);
  const at = new Date(input.at);
  const end = async (why: RunEnd) =>
    (await deps.runs.move(workspaceId, run ?? input, { end: why }, at)) ? `ended: ${why}` : STALE;
  if (!version) return end('exit');
  const doc = version.definition;
  const steps = new Map(doc.steps.map((s) => [s.id, s]));
  // The contact is read only when a step needs it (most steps do not: the send path reads it anyway).
  let contact: { subject: Subject; readonly timeZone: string } | undefined;
  const context = {
    runId: run.runId,
    get timeZone() {
      return contact?.timeZone ?? 'UTC';
    },
    subject: () => {
      if (!contact) throw new Error('the contact was not read');
      return contact.subject;
    },
    trigger: run.trigger,
  };
  let resume = input.resume;
  // The run as read: the one move this delivery makes is fenced by its counter.
  const from: JourneyRun = run;
  const moveTo = async (to: { readonly stepId?: string; readonly end?: RunEnd }): Promise<boolean> =>
    deps.runs.move(workspaceId, from, to, at);
  let stepId = from.stepId;

  for (let i = 0; i < MAX_IMMEDIATE_STEPS; i++) {
    const step = stepId === undefined ? undefined : steps.get(stepId);
    if (!step) return (await moveTo({ end: 'completed' })) ? 'ended: completed' : STALE;

    if (step.type === 'waitForEvent' && resume !== undefined) {
      stepId = resume === 'event' ? step.onEvent : step.onTimeout;
      resume = undefined;
      continue;
    }

    if (!contact && readsContact(step, doc)) {
      const found = await deps.contact(workspaceId, from.contactId);
      if (!found) return end('exit');
      contact = { ...found };
    }
    const plan = planStep(step, doc, at, context);
    switch (plan.kind) {
      case 'end':
        return end('exit');
      case 'go': {
        if (plan.effect) {
          await deps.effects.apply(plan.effect, {
            workspaceId,
            run: from,
            step,
            at,
            messageId: stepMessageId(from.runId, step.id, at),
          });
          if (plan.effect.type === 'update' && contact)
            contact.subject = withUpdate(contact.subject, plan.effect);
        }
        stepId = plan.next;
        break;
      }
      case 'wait': {
        await deps.timers.set(workspaceId, timerInput(from, plan.until), plan.until);
        // A last wait leaves the run at no step: its timer then completes it.
        if (!(await moveTo({ stepId: plan.next ?? AFTER_LAST }))) return STALE;
        return `waiting until ${plan.until.toISOString()}`;
      }
      case 'waitForEvent': {
        await deps.timers.set(workspaceId, timerInput(from, plan.timeoutAt, 'timeout'), plan.timeoutAt);
        // The run rests at this step; its counter moved, so the timeout and the event are fenced.
        if (!(await moveTo({ stepId: step.id }))) return STALE;
        return `waiting for an event until ${plan.timeoutAt.toISOString()}`;
      }
    }
  }
  throw new Error(`run ${input.runId}: more than ${MAX_IMMEDIATE_STEPS} steps at once`);
};
