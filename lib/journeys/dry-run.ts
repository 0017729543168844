/**
 * A journey simulated for one contact on a virtual clock, pure: from the trigger's time, each step as
 * the engine would take it (step-plan.ts), waits jumped over, the given events (made up, or the
 * contact's own) arriving at their times: the steps taken and when, the emails it would send, and how
 * the run ends. For marketers to check a journey before it goes live, and for tests.
 *
 * - The goal, met by an event while the run is active, ends it at that event's time; a goal event and an
 *   awaited one at the same time: the goal wins.
 * - `update` steps change the simulated contact, so later branches see the change.
 * - A wait beyond the horizon (`horizonDays`, 400 by default) ends the simulation there (`horizon`).
 */
import type { EventInput, Subject } from '../conditions/subject.ts';
import type { JourneyDefinition } from './journey-definition.schema.ts';
import { eventMatcher, planStep, type StepEffect } from './step-plan.ts';

export interface DryRunInput {
  readonly definition: JourneyDefinition;
  /** When the run starts: the trigger's time. */
  readonly start: Date;
  /** The contact's zone (its own, else the workspace's). */
  readonly timeZone: string;
  readonly subject: Subject;
  /** The event that started the run (keys read it). */
  readonly trigger?: EventInput | undefined;
  /** Events after the start, in any order. */
  readonly events: readonly EventInput[];
  readonly runId?: string;
  readonly horizonDays?: number;
  readonly stages?: readonly string[];
}

export interface DryRunStep {
  readonly stepId: string;
  readonly type: string;
  /** ISO: when the step ran (a wait: when it began). */
  readonly at: string;
  readonly outcome: string;
  readonly effect?: StepEffect;
}

export type RunEnd = 'completed' | 'exit' | 'goal' | 'horizon';

export interface DryRunResult {
  readonly steps: readonly DryRunStep[];
  readonly emails: readonly {
    readonly stepId: string;
    readonly at: string;
    readonly templateId: string;
    readonly version?: number | undefined;
  }[];
  readonly end: { readonly at: string; readonly why: RunEnd; readonly stepId?: string };
}

const DAY_MS = 86_400_000;

/** The subject as an `update` step leaves it (tags, attributes, stage): what later branches read. */
export const withUpdate = (subject: Subject, effect: Extract<StepEffect, { type: 'update' }>): Subject => {
  const removed = new Set(effect.removeTags ?? []);
  const tags = [
    ...new Set([...subject.contact.tags.filter((t) => !removed.has(t)), ...(effect.addTags ?? [])]),
  ];
  const attributes = { ...subject.contact.attributes };
  for (const [name, value] of Object.entries(effect.attributes ?? {}))
    if (value === null) delete attributes[name];
    else attributes[name] = value;
  return {
    ...subject,
    contact: { ...subject.contact, tags, attributes },
    ...(effect.stage !== undefined ? { stage: effect.stage } : {}),
  };
};

export const dryRun = (input: DryRunInput): DryRunResult => {
  const { definition: doc } = input;
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const events = [...input.events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const goal = doc.goal ? eventMatcher(doc.goal, input.trigger) : undefined;
  const horizon = input.start.getTime() + (input.horizonDays ?? 400) * DAY_MS;
  let subject = input.subject;
  const run = {
    runId: input.runId ?? 'dry-run',
    timeZone: input.timeZone,
    subject: () => subject,
    trigger: input.trigger,
    ...(input.stages ? { stages: input.stages } : {}),
  };
  const steps: DryRunStep[] = [];
  const emails: { stepId: string; at: string; templateId: string; version?: number | undefined }[] = [];
  /** The first event matching `test` after `from` (exclusive) and up to `to` (inclusive). */
  const firstBetween = (test: (e: EventInput) => boolean, from: number, to: number) =>
    events.find((e) => {
      const t = Date.parse(e.occurredAt);
      return t > from && t <= to && test(e);
    });
  const goalBetween = (from: number, to: number) => (goal ? firstBetween(goal, from, to) : undefined);
  const ended = (at: number, why: RunEnd, stepId?: string): DryRunResult => ({
    steps,
    emails,
    end: { at: new Date(at).toISOString(), why, ...(stepId !== undefined ? { stepId } : {}) },
  });

  let now = input.start.getTime();
  let current: string | undefined = doc.steps[0]?.id;
  // A DAG ends within its steps; an email held by quiet hours runs twice.
  for (let guard = 0; guard < doc.steps.length * 2 + 2 && current !== undefined; guard++) {
    const step = byId.get(current);
    if (!step) break;
    const at = new Date(now).toISOString();
    const plan = planStep(step, doc, new Date(now), run);
    switch (plan.kind) {
      case 'end':
        steps.push({ stepId: step.id, type: step.type, at, outcome: plan.note });
        return ended(now, 'exit', step.id);
      case 'go': {
        const { effect } = plan;
        steps.push({
          stepId: step.id,
          type: step.type,
          at,
          outcome: plan.note ?? (effect ? `${effect.type}` : 'done'),
          ...(effect ? { effect } : {}),
        });
        if (effect?.type === 'email')
          emails.push({
            stepId: step.id,
            at,
            templateId: effect.template.templateId,
            ...(effect.template.version !== undefined ? { version: effect.template.version } : {}),
          });
        if (effect?.type === 'update') subject = withUpdate(subject, effect);
        current = plan.next;
        break;
      }
      case 'wait': {
        const until = plan.until.getTime();
        steps.push({
          stepId: step.id,
          type: step.type,
          at,
          outcome: `${plan.note ?? 'wait'} until ${plan.until.toISOString()}`,
        });
        const met = goalBetween(now, Math.min(until, horizon));
        if (met) return ended(Date.parse(met.occurredAt), 'goal', step.id);
        if (until > horizon) return ended(horizon, 'horizon', step.id);
        now = until;
        current = plan.next;
        break;
      }
      case 'waitForEvent': {
        const timeout = plan.timeoutAt.getTime();
        const awaited = firstBetween(plan.matches, now, timeout);
        const arrives = awaited ? Date.parse(awaited.occurredAt) : timeout;
        const met = goalBetween(now, Math.min(arrives, horizon));
        steps.push({
          stepId: step.id,
          type: step.type,
          at,
          outcome: awaited
            ? `event at ${awaited.occurredAt}`
            : `timed out at ${plan.timeoutAt.toISOString()}`,
        });
        if (met) return ended(Date.parse(met.occurredAt), 'goal', step.id);
        if (arrives > horizon) return ended(horizon, 'horizon', step.id);
        now = arrives;
        current = awaited ? plan.onEvent : plan.onTimeout;
        break;
      }
    }
  }
  return ended(now, 'completed');
};
