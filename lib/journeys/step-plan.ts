/**
 * What one journey step does at an instant, pure: the engine runs it on a contact's run, the dry run
 * on a virtual clock, so both mean the same by every step.
 *
 * - `email`: sent now, or, when now falls in quiet hours, the step again when they end.
 * - `wait`: the follower after the duration; `waitUntil`: at the next such time in the contact's zone.
 * - `waitForEvent`: the run waits for a matching event (name, filters, and the key's value equal to
 *   the trigger's) until the timeout: `onEvent` if it comes, `onTimeout` otherwise.
 * - `branch`: the condition on the contact now; `split`: a path by weight, the same for a run every time
 *   (a hash of the run and the step); `update`, `emit`, `webhook`: their effect, then the follower.
 * - `exit`, or a step without a follower: the run ends (`completed`).
 */
import { createHash } from 'node:crypto';
import { compile } from '../conditions/evaluate.ts';
import { compileEventFilter } from '../conditions/predicate.ts';
import type { EvaluationContext, EventInput, Subject } from '../conditions/subject.ts';
import { durationMinutes, type JourneyDefinition, type JourneyStep } from './journey-definition.schema.ts';
import { afterQuietHours, nextLocalTime } from './local-clock.ts';

type StepOf<T extends JourneyStep['type']> = Extract<JourneyStep, { type: T }>;

/** What a step has the world do (the engine's side effects; the dry run records them). */
export type StepEffect =
  | { readonly type: 'email'; readonly template: StepOf<'email'>['template'] }
  | {
      readonly type: 'update';
      readonly addTags?: readonly string[] | undefined;
      readonly removeTags?: readonly string[] | undefined;
      readonly attributes?: Readonly<Record<string, string | number | boolean | null>> | undefined;
      readonly stage?: string | undefined;
    }
  | {
      readonly type: 'emit';
      readonly name: string;
      readonly properties?: Readonly<Record<string, unknown>> | undefined;
    }
  | { readonly type: 'webhook'; readonly endpointId: string };

export type StepPlan =
  /** Done now: its effect, if any, then the follower (none: the run ends). */
  | {
      readonly kind: 'go';
      readonly effect?: StepEffect;
      readonly next?: string | undefined;
      readonly note?: string;
    }
  /** The follower (or this step again) at `until`. */
  | {
      readonly kind: 'wait';
      readonly until: Date;
      readonly next?: string | undefined;
      readonly note?: string;
    }
  /** A matching event before `timeoutAt` leads to `onEvent`, none to `onTimeout`. */
  | {
      readonly kind: 'waitForEvent';
      readonly timeoutAt: Date;
      readonly matches: (event: EventInput) => boolean;
      readonly onEvent?: string | undefined;
      readonly onTimeout?: string | undefined;
    }
  | { readonly kind: 'end'; readonly note: string };

export interface RunContext {
  /** The run's id: a split always takes the same path for it. */
  readonly runId: string;
  /** The contact's time zone (its own, else the workspace's). */
  readonly timeZone: string;
  /** The contact now, for branches. */
  readonly subject: () => Subject;
  /** The event that started the run, for keys (`data.checkoutId` of `checkout.abandoned`). */
  readonly trigger?: EventInput | undefined;
  readonly stages?: readonly string[];
}

/**
 * A value of an event by path: `properties.<key>...` or `data.<key>...`, both read from the event's
 * properties (a storefront fact's data is its properties on the timeline).
 */
export const valueAt = (event: EventInput, path: string): unknown => {
  let value: unknown = event.properties;
  for (const key of path.split('.').slice(1)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
};

/** Whether an event is the awaited one: its name and filters, and its key value equal to the trigger's. */
export const eventMatcher = (
  wanted: {
    readonly event: string;
    readonly where?: StepOf<'waitForEvent'>['where'];
    readonly key?: { readonly event: string; readonly trigger: string } | undefined;
  },
  trigger: EventInput | undefined,
): ((event: EventInput) => boolean) => {
  const filter = compileEventFilter({ name: wanted.event, ...(wanted.where ? { where: wanted.where } : {}) });
  const { key } = wanted;
  const expected = key && trigger ? valueAt(trigger, key.trigger) : undefined;
  return (event) => {
    if (!filter.matches(event, Date.parse(event.occurredAt))) return false;
    if (!key) return true;
    // A key whose trigger value is missing matches nothing: "the order of this checkout" needs the checkout.
    return expected !== undefined && expected !== null && valueAt(event, key.event) === expected;
  };
};

/** The split path of a run: a point of the total weight taken from a hash of the run and the step. */
const splitPath = (step: StepOf<'split'>, runId: string): { index: number; next?: string | undefined } => {
  const total = step.paths.reduce((sum, p) => sum + p.weight, 0);
  const point = createHash('sha256').update(`${runId}\n${step.id}`).digest().readUInt32BE(0) % total;
  let seen = 0;
  for (const [index, path] of step.paths.entries()) {
    seen += path.weight;
    if (point < seen) return { index, next: path.next };
  }
  return { index: step.paths.length - 1, next: step.paths.at(-1)?.next };
};

export const planStep = (
  step: JourneyStep,
  doc: Pick<JourneyDefinition, 'quietHours'>,
  now: Date,
  run: RunContext,
): StepPlan => {
  switch (step.type) {
    case 'email': {
      const at = doc.quietHours ? afterQuietHours(now, doc.quietHours, run.timeZone) : now;
      if (at.getTime() > now.getTime())
        return { kind: 'wait', until: at, next: step.id, note: 'quiet hours: held until they end' };
      return { kind: 'go', effect: { type: 'email', template: step.template }, next: step.next };
    }
    case 'wait':
      return {
        kind: 'wait',
        until: new Date(now.getTime() + durationMinutes(step.duration) * 60_000),
        next: step.next,
      };
    case 'waitUntil':
      return { kind: 'wait', until: nextLocalTime(now, step.time, run.timeZone, step.days), next: step.next };
    case 'waitForEvent':
      return {
        kind: 'waitForEvent',
        timeoutAt: new Date(now.getTime() + durationMinutes(step.timeout) * 60_000),
        matches: eventMatcher(step, run.trigger),
        onEvent: step.onEvent,
        onTimeout: step.onTimeout,
      };
    case 'branch': {
      const context: EvaluationContext = { now, ...(run.stages ? { stages: run.stages } : {}) };
      const holds = compile(step.condition)(run.subject(), context);
      return {
        kind: 'go',
        next: holds ? step.ifTrue : step.ifFalse,
        note: holds ? 'condition true' : 'condition false',
      };
    }
    case 'split': {
      const path = splitPath(step, run.runId);
      return { kind: 'go', next: path.next, note: `path ${path.index}` };
    }
    case 'update': {
      const { addTags, removeTags, attributes, stage } = step;
      return {
        kind: 'go',
        effect: { type: 'update', addTags, removeTags, attributes, stage },
        next: step.next,
      };
    }
    case 'emit':
      return {
        kind: 'go',
        effect: { type: 'emit', name: step.name, properties: step.properties },
        next: step.next,
      };
    case 'webhook':
      return { kind: 'go', effect: { type: 'webhook', endpointId: step.endpointId }, next: step.next };
    case 'exit':
      return { kind: 'end', note: 'exit step' };
  }
};
