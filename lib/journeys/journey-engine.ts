/**
 * The journey engine's reactions to what happens to a contact (one bus event, see journey-inputs.ts),
 * in this order:
 * 1. an unsubscribe or a suppression ends every active run of the contact;
 * 2. the contact's runs (one query of its partition: the runs are the index of what it waits for) are
 *    checked against the event: a goal met ends its run (`goal`), a `waitForEvent` step whose event
 *    (name, filters, key equal to the trigger's) came moves on by `onEvent`;
 * 3. each live journey whose trigger the event is admits the contact (its entry rules, one active run)
 *    and takes the run's first steps at once;
 * 4. date and inactivity triggers get their timers: the next anniversary of the date attribute, or
 *    `days` after this event.
 * Every run is named after what started it and every move is fenced, so a redelivered event, or two
 * at once, changes nothing twice.
 */
import { recipientTimeZone } from '../campaigns/send-time.ts';
import { compileEventFilter } from '../conditions/predicate.ts';
import type { EventInput } from '../conditions/subject.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { derivedId } from '../shared/ids.ts';
import type { TaskInput } from '../timers/task-catalogue.ts';
import type { Timers } from '../timers/timers.ts';
import { type AdvanceDeps, advanceRun } from './advance-run.ts';
import { nextAnniversary } from './anniversary.ts';
import type { JourneyInput } from './journey-inputs.ts';
import { entryRule, type JourneyRunsRepository, type RunEnd } from './runs.repository.ts';
import { eventMatcher } from './step-plan.ts';
import type { JourneysOfWorkspace, LiveJourney, WorkspaceJourneys } from './workspace-journeys.ts';

export interface EngineDeps extends AdvanceDeps {
  readonly runs: Pick<JourneyRunsRepository, 'get' | 'move' | 'enter' | 'ofContact'>;
  readonly journeys: WorkspaceJourneys;
  /** The contact as stored and its zone (its own, else the workspace's). */
  readonly contactRecord: (
    workspaceId: string,
    contactId: string,
  ) => Promise<{ readonly contact: Contact; readonly timeZone: string } | undefined>;
  /** Classic timers (movable by id): date and inactivity triggers. */
  readonly triggerTimers: Pick<Timers, 'set'>;
}

const ATTEMPTS = 5;

/** The run a trigger starts: the same for the same journey, contact and trigger, every time. */
export const runIdFor = (journeyId: string, contactId: string, triggerId: string, at: Date): string =>
  derivedId('run', at, `${journeyId}/${contactId}/${triggerId}`);

/** An order's value, when the event is one (`total` in minor units and its `currency`). */
const revenueOf = (event: EventInput): { amount: number; currency: string } | undefined => {
  const { total, currency } = event.properties;
  return typeof total === 'number' && Number.isInteger(total) && typeof currency === 'string'
    ? { amount: total, currency }
    : undefined;
};

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/** End the run whatever step it is at (a goal, a cancellation), racing its own moves fairly. */
const endRun = async (
  workspaceId: string,
  run: Parameters<EngineDeps['runs']['move']>[1],
  why: RunEnd,
  at: Date,
  deps: EngineDeps,
  revenue?: { readonly amount: number; readonly currency: string },
): Promise<boolean> => {
  let current = run;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await deps.runs.move(workspaceId, current, { end: why, revenue }, at)) return true;
    const fresh = await deps.runs.get(workspaceId, current.contactId, current.journeyId);
    if (!fresh || fresh.runId !== current.runId || fresh.status !== 'active') return false;
    current = fresh;
  }
  throw new Error(`run ${run.runId} kept moving under ${ATTEMPTS} attempts to end it`);
};

/** Enter the contact (if the journey's rules let it) and take the run's first steps. */
export const startRun = async (
  workspaceId: string,
  live: LiveJourney,
  contactId: string,
  trigger: EventInput,
  triggerId: string,
  deps: EngineDeps,
): Promise<string> => {
  const { journey, definition } = live;
  const first = definition.steps[0];
  if (!first) return 'no steps';
  const at = new Date(trigger.occurredAt);
  const runId = runIdFor(journey.id, contactId, triggerId, at);
  const entry = await deps.runs.enter(
    workspaceId,
    contactId,
    { id: journey.id, version: journey.version, firstStep: first.id, entry: entryRule(definition.entry) },
    runId,
    trigger,
    at,
  );
  // Entered now, or by this same trigger before and still active (a redelivery after a crash between
  // the entry and its first steps): take the first steps, which the run's fence makes happen once.
  if (!entry.entered && entry.run.runId === runId && entry.run.status !== 'active')
    return 'not entered: this trigger’s run already ended';
  if (!entry.entered && entry.run.runId !== runId) return `not entered: ${entry.why}`;
  return advanceRun(
    workspaceId,
    { journeyId: journey.id, contactId, runId, seq: 0, at: at.toISOString() },
    deps,
  );
};

const triggeredBy = (live: LiveJourney, event: EventInput): boolean => {
  const trigger = live.definition.trigger;
  const p = event.properties;
  switch (trigger.type) {
    case 'event':
      return compileEventFilter({
        name: trigger.event,
        ...(trigger.where ? { where: trigger.where } : {}),
      }).matches(event, Date.parse(event.occurredAt));
    case 'segment':
      return (
        event.name === (trigger.on === 'enter' ? 'segment.entered' : 'segment.exited') &&
        p.segmentId === trigger.segmentId
      );
    case 'stage':
      return (
        event.name === 'stage.changed' &&
        p.to === trigger.to &&
        (trigger.from === undefined || p.from === trigger.from)
      );
    case 'date':
    case 'inactivity':
      return false;
  }
};

/** Goals and awaited events of the contact's active runs. */
const resumeRuns = async (workspaceId: string, input: JourneyInput, deps: EngineDeps): Promise<string[]> => {
  const outcomes: string[] = [];
  for (const run of await deps.runs.ofContact(workspaceId, input.contactId)) {
    if (run.status !== 'active') continue;
    const version = await deps.journeys.version(workspaceId, run.journeyId, run.version);
    if (!version) continue;
    const doc = version.definition;
    // Never before the run's last move: the same event redelivered resumes at the same instant.
    const at = later(input.event.occurredAt, run.updatedAt);
    if (doc.goal && eventMatcher(doc.goal, run.trigger)(input.event)) {
      if (await endRun(workspaceId, run, 'goal', new Date(at), deps, revenueOf(input.event)))
        outcomes.push(`${run.journeyId}: goal reached`);
      continue;
    }
    const step = doc.steps.find((s) => s.id === run.stepId);
    if (step?.type !== 'waitForEvent' || !eventMatcher(step, run.trigger)(input.event)) continue;
    const result = await advanceRun(
      workspaceId,
      {
        journeyId: run.journeyId,
        contactId: run.contactId,
        runId: run.runId,
        seq: run.seq,
        at,
        resume: 'event',
      },
      deps,
    );
    outcomes.push(`${run.journeyId}: ${result}`);
  }
  return outcomes;
};

/** A date or inactivity trigger's timer for one contact: its task, id, due time and input. */
export type TriggerTimer =
  | { readonly task: 'journey-date'; readonly due: Date; readonly input: TaskInput<'journey-date'> }
  | {
      readonly task: 'journey-inactivity';
      readonly due: Date;
      readonly input: TaskInput<'journey-inactivity'>;
    };

/** One timer per journey and contact: a later event moves it. */
export const triggerTimerId = (journeyId: string, contactId: string) => `${journeyId}/${contactId}`;

export const setTriggerTimer = (
  workspaceId: string,
  timer: TriggerTimer,
  timers: EngineDeps['triggerTimers'],
) => {
  const id = triggerTimerId(timer.input.journeyId, timer.input.contactId);
  return timer.task === 'journey-date'
    ? timers.set(workspaceId, timer.task, id, timer.due, timer.input)
    : timers.set(workspaceId, timer.task, id, timer.due, timer.input);
};

/** The date trigger's next anniversary for the contact as it is now. */
export const dateTimerOf = (
  live: LiveJourney,
  contact: Contact,
  timeZone: string,
  after: Date,
): TriggerTimer | undefined => {
  const t = live.definition.trigger;
  if (t.type !== 'date') return undefined;
  const due = nextAnniversary(contact.attributes[t.field.slice('attributes.'.length)], after, t, timeZone);
  return due
    ? {
        task: 'journey-date',
        due,
        input: { journeyId: live.journey.id, contactId: contact.id, due: due.toISOString() },
      }
    : undefined;
};

/** The inactivity trigger's timer, `days` after `since` (the contact's last such event). */
export const inactivityTimerOf = (
  live: LiveJourney,
  contactId: string,
  since: string,
): TriggerTimer | undefined => {
  const t = live.definition.trigger;
  if (t.type !== 'inactivity') return undefined;
  return {
    task: 'journey-inactivity',
    due: new Date(Date.parse(since) + t.days * 86_400_000),
    input: { journeyId: live.journey.id, contactId, since },
  };
};

/** Set the date and inactivity timers this event calls for. */
const setTriggerTimers = async (
  workspaceId: string,
  input: JourneyInput,
  live: readonly LiveJourney[],
  deps: EngineDeps,
): Promise<void> => {
  const dated = live.filter((l) => {
    const t = l.definition.trigger;
    return t.type === 'date' && (input.changed ?? []).some((f) => f === 'attributes' || t.field.endsWith(f));
  });
  const record = dated.length > 0 ? await deps.contactRecord(workspaceId, input.contactId) : undefined;
  const timers = [
    ...live.flatMap((l) =>
      l.definition.trigger.type === 'inactivity' && l.definition.trigger.event === input.event.name
        ? [inactivityTimerOf(l, input.contactId, input.event.occurredAt)]
        : [],
    ),
    ...(record
      ? dated.map((l) => dateTimerOf(l, record.contact, record.timeZone, new Date(input.event.occurredAt)))
      : []),
  ];
  for (const timer of timers) if (timer) await setTriggerTimer(workspaceId, timer, deps.triggerTimers);
};

export const handleJourneyInput = async (
  workspaceId: string,
  input: JourneyInput,
  deps: EngineDeps,
  /** The workspace's journeys when the caller read them already (for a pack of events). */
  read?: JourneysOfWorkspace,
): Promise<string[]> => {
  const journeys = read ?? (await deps.journeys.of(workspaceId));
  if (!journeys.any) return [];
  const outcomes: string[] = [];
  if (input.cancel) {
    const at = new Date(input.event.occurredAt);
    for (const run of await deps.runs.ofContact(workspaceId, input.contactId))
      if (run.status === 'active' && (await endRun(workspaceId, run, input.cancel, at, deps)))
        outcomes.push(`${run.journeyId}: ended, ${input.cancel}`);
    return outcomes;
  }
  outcomes.push(...(await resumeRuns(workspaceId, input, deps)));
  for (const live of journeys.live)
    if (triggeredBy(live, input.event))
      outcomes.push(
        `${live.journey.id}: ${await startRun(workspaceId, live, input.contactId, input.event, input.id, deps)}`,
      );
  await setTriggerTimers(workspaceId, input, journeys.live, deps);
  return outcomes;
};

/** A date trigger's timer fired: the contact enters if the date still says today, and next year's is set. */
export const dateFired = async (
  workspaceId: string,
  input: TaskInput<'journey-date'>,
  deps: EngineDeps,
): Promise<string> => {
  const live = (await deps.journeys.of(workspaceId)).live.find((l) => l.journey.id === input.journeyId);
  const trigger = live?.definition.trigger;
  if (!live || trigger?.type !== 'date') return 'the journey is not live, or no longer on a date';
  const record = await deps.contactRecord(workspaceId, input.contactId);
  if (!record) return 'no such contact';
  const value = record.contact.attributes[trigger.field.slice('attributes.'.length)];
  const due = new Date(input.due);
  const expected = dateTimerOf(live, record.contact, record.timeZone, new Date(due.getTime() - 1))?.due;
  const next = dateTimerOf(live, record.contact, record.timeZone, due);
  if (next) await setTriggerTimer(workspaceId, next, deps.triggerTimers);
  if (expected?.getTime() !== due.getTime()) return 'the date changed: not today';
  const event = { name: 'date', occurredAt: input.due, properties: { field: trigger.field, value } };
  return startRun(workspaceId, live, input.contactId, event, `date:${input.due}`, deps);
};

/** An inactivity trigger's timer fired: `days` passed since the contact's last such event. */
export const inactivityFired = async (
  workspaceId: string,
  input: TaskInput<'journey-inactivity'>,
  deps: EngineDeps,
  now: Date,
): Promise<string> => {
  const live = (await deps.journeys.of(workspaceId)).live.find((l) => l.journey.id === input.journeyId);
  const trigger = live?.definition.trigger;
  if (!live || trigger?.type !== 'inactivity') return 'the journey is not live, or no longer on inactivity';
  const event = {
    name: 'inactivity',
    occurredAt: now.toISOString(),
    properties: { event: trigger.event, days: trigger.days, since: input.since },
  };
  return startRun(workspaceId, live, input.contactId, event, `inactivity:${input.since}`, deps);
};

/** The zone a contact's journey steps are timed by. */
export const contactZone = (contact: Contact, workspaceDefault: string | undefined): string =>
  recipientTimeZone(contact.timezone, workspaceDefault ?? 'UTC');
