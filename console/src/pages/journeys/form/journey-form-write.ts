/**
 * The builder's form written as a journey document for the API (POST / PUT /v1/journeys). The form
 * is not validated here: the API validates the document and its issues (`steps[2].timeout`) are
 * shown next to the step's field. Numbers typed are parsed (a blank or wrong one becomes `null`, which
 * the API names); text fields are trimmed; optional parts left blank are left out.
 *
 * A branch's condition comes from the condition builder, which always has a group at its root: a
 * group of one condition is written as that condition.
 */
import { toCondition } from '../../../conditions/builder-model.ts';
import {
  type DurationForm,
  END_RUN,
  type FilterRow,
  FOLLOWING,
  type JourneyDefinition,
  type JourneyForm,
  type JourneyStep,
  type JourneyTrigger,
  type Pair,
  type PropertyFilter,
  type StepForm,
} from './journey-form-model.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The number typed; `null` (named by the API) when it is not one. */
const numberOf = (text: string): number => {
  const trimmed = text.trim();
  // JSON has no NaN: an invalid number goes out as null and the API says which field it is.
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
};

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export const durationOf = (d: DurationForm): { minutes?: number; hours?: number; days?: number } => ({
  [d.unit]: numberOf(d.amount),
});

export const filterOf = (row: FilterRow): PropertyFilter => {
  const path = row.path.trim();
  const ci = row.caseInsensitive ? { caseInsensitive: true } : {};
  switch (row.op) {
    case 'exists':
    case 'notExists':
      return { path, op: row.op };
    case 'withinLastDays':
    case 'notWithinLastDays':
    case 'olderThanDays':
      return { path, op: row.op, days: numberOf(row.value) };
    case 'in':
    case 'notIn':
      return { path, op: row.op, value: listOf(row.value), ...ci };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { path, op: row.op, value: numberOf(row.value) };
    case 'before':
    case 'after':
      return { path, op: row.op, value: row.value.trim() };
    case 'equals':
    case 'notEquals':
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { path, op: row.op, value: row.value, ...ci };
  }
};

const whereOf = (rows: readonly FilterRow[]) => (rows.length > 0 ? { where: rows.map(filterOf) } : {});

const keyOf = (event: string, trigger: string) =>
  event.trim() || trigger.trim() ? { key: { event: event.trim(), trigger: trigger.trim() } } : {};

const recordOf = (pairs: readonly Pair[]): Record<string, string> =>
  Object.fromEntries(pairs.map((p) => [p.name.trim(), p.value]));

const triggerOf = (t: JourneyForm['trigger']): JourneyTrigger => {
  switch (t.type) {
    case 'event':
      return { type: 'event', event: t.event.trim(), ...whereOf(t.where) };
    case 'segment':
      return { type: 'segment', segmentId: t.segmentId, on: t.on };
    case 'stage':
      return { type: 'stage', to: t.to.trim(), ...(t.from.trim() ? { from: t.from.trim() } : {}) };
    case 'date':
      return {
        type: 'date',
        field: `attributes.${t.attribute.trim()}`,
        at: t.at,
        offsetDays: numberOf(t.offsetDays),
      };
    case 'inactivity':
      return { type: 'inactivity', event: t.event.trim(), days: numberOf(t.days) };
  }
};

const stepOf = (step: StepForm, following: string | undefined): JourneyStep => {
  /** A target as the document names it: a step id, or none (the end of the run). */
  const to = (target: string) => (target === FOLLOWING ? following : target === END_RUN ? undefined : target);
  const field = <K extends string>(name: K, target: string): { [P in K]?: string } => {
    const id = to(target);
    const out: { [P in K]?: string } = {};
    if (id !== undefined) out[name] = id;
    return out;
  };
  const id = step.id.trim();
  switch (step.type) {
    case 'email':
      return {
        id,
        type: 'email',
        template: {
          templateId: step.templateId,
          ...(step.version.trim() ? { version: numberOf(step.version) } : {}),
        },
        ...field('next', step.next),
      };
    case 'wait':
      return { id, type: 'wait', duration: durationOf(step.duration), ...field('next', step.next) };
    case 'waitUntil':
      return {
        id,
        type: 'waitUntil',
        time: step.time,
        ...(step.days.length > 0 ? { days: [...step.days] } : {}),
        ...field('next', step.next),
      };
    case 'waitForEvent':
      return {
        id,
        type: 'waitForEvent',
        event: step.event.trim(),
        ...whereOf(step.where),
        ...keyOf(step.keyEvent, step.keyTrigger),
        timeout: durationOf(step.timeout),
        ...field('onEvent', step.onEvent),
        ...field('onTimeout', step.onTimeout),
      };
    case 'branch': {
      const { condition } = toCondition(step.condition);
      return {
        id,
        type: 'branch',
        condition: singleOf(condition),
        ...field('ifTrue', step.ifTrue),
        ...field('ifFalse', step.ifFalse),
      };
    }
    case 'split':
      return {
        id,
        type: 'split',
        paths: step.paths.map((path) => ({ weight: numberOf(path.weight), ...field('next', path.next) })),
      };
    case 'update': {
      const addTags = listOf(step.addTags);
      const removeTags = listOf(step.removeTags);
      return {
        id,
        type: 'update',
        ...(addTags.length > 0 ? { addTags } : {}),
        ...(removeTags.length > 0 ? { removeTags } : {}),
        ...(step.attributes.length > 0 ? { attributes: recordOf(step.attributes) } : {}),
        ...(step.stage.trim() ? { stage: step.stage.trim() } : {}),
        ...field('next', step.next),
      };
    }
    case 'emit':
      return {
        id,
        type: 'emit',
        name: step.name.trim(),
        ...(step.properties.length > 0 ? { properties: recordOf(step.properties) } : {}),
        ...field('next', step.next),
      };
    case 'webhook':
      return { id, type: 'webhook', endpointId: step.endpointId, ...field('next', step.next) };
    case 'exit':
      return { id, type: 'exit' };
  }
};

/** `{ type: 'all', conditions: [c] }` as `c`: the builder's root group around a single condition. */
const singleOf = (condition: unknown): unknown => {
  if (typeof condition !== 'object' || condition === null) return condition;
  const type: unknown = Reflect.get(condition, 'type');
  const conditions: unknown = Reflect.get(condition, 'conditions');
  return (type === 'all' || type === 'any') && Array.isArray(conditions) && conditions.length === 1
    ? conditions[0]
    : condition;
};

export const definitionFromForm = (form: JourneyForm): JourneyDefinition => {
  const { goal, quietHours, entry } = form;
  return {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description } : {}),
    trigger: triggerOf(form.trigger),
    entry: {
      mode: entry.mode,
      ...(entry.mode === 'oncePer' ? { periodDays: numberOf(entry.periodDays) } : {}),
    },
    ...(goal.enabled
      ? {
          goal: {
            event: goal.event.trim(),
            ...whereOf(goal.where),
            ...keyOf(goal.keyEvent, goal.keyTrigger),
          },
        }
      : {}),
    ...(quietHours.enabled ? { quietHours: { from: quietHours.from, to: quietHours.to } } : {}),
    steps: form.steps.map((step, i) => stepOf(step, form.steps[i + 1]?.id.trim())),
  };
};
