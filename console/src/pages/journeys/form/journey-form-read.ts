/**
 * A journey document (as the API answers it: typed unknown) read into the builder's form, or
 * `undefined` when the form cannot show it without changing its meaning (an attribute or a signal's
 * property that is not text, such as a number or a yes/no; a filter comparing text with a number; a
 * field the schema does not know...): the console then shows that journey read-only. Every kind of
 * step is held, random splits and webhook calls included. Reading and writing back
 * (journey-form-write.ts) gives the same document for every shape the form holds.
 */
import { fromCondition } from '../../../conditions/builder-model.ts';
import {
  DURATION_UNITS,
  type DurationForm,
  END_RUN,
  ENTRY_MODES,
  emptyTrigger,
  FILTER_OPS,
  type FilterRow,
  FOLLOWING,
  type JourneyForm,
  type Pair,
  rowKey,
  type SplitPath,
  type StepForm,
  TRIGGER_TYPES,
  type TriggerForm,
  WEEKDAYS,
  type Weekday,
} from './journey-form-model.ts';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (v: Json, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  list.find((item) => item === v);
const isText = (v: unknown): v is string => typeof v === 'string';
const optionalText = (v: unknown): string | undefined => (v === undefined ? '' : isText(v) ? v : undefined);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Thrown inside the reader when the document holds what the form cannot show. */
class Unrepresentable extends Error {}
const need = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Unrepresentable();
  return value;
};
const fail = (): never => {
  throw new Unrepresentable();
};

const filterFrom = (f: unknown): FilterRow => {
  if (!isRecord(f) || !isText(f.path)) throw new Unrepresentable();
  const op = need(oneOf(FILTER_OPS, f.op));
  const caseInsensitive = f.caseInsensitive === true;
  const base = { key: rowKey(), path: f.path, op, caseInsensitive };
  if (!hasOnly(f, ['path', 'op', 'value', 'days', 'caseInsensitive'])) throw new Unrepresentable();
  if (f.caseInsensitive !== undefined && typeof f.caseInsensitive !== 'boolean') throw new Unrepresentable();
  switch (op) {
    case 'exists':
    case 'notExists':
      return { ...base, value: '' };
    case 'withinLastDays':
    case 'notWithinLastDays':
    case 'olderThanDays':
      return { ...base, value: String(need(isWhole(f.days) ? f.days : undefined)) };
    case 'in':
    case 'notIn': {
      const list = Array.isArray(f.value) ? f.value : [];
      if (list.length === 0 || !list.every((v) => isText(v) && !v.includes(','))) throw new Unrepresentable();
      return { ...base, value: list.join(', ') };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { ...base, value: String(need(typeof f.value === 'number' ? f.value : undefined)) };
    default:
      return { ...base, value: need(isText(f.value) ? f.value : undefined) };
  }
};

const filtersFrom = (where: unknown): FilterRow[] =>
  where === undefined ? [] : Array.isArray(where) ? where.map(filterFrom) : fail();

/** A duration of one unit as amount + unit; several units as the largest that divides it. */
export const durationFrom = (d: unknown): DurationForm => {
  if (!isRecord(d) || !hasOnly(d, DURATION_UNITS)) throw new Unrepresentable();
  const set = DURATION_UNITS.filter((u) => d[u] !== undefined);
  if (!set.every((u) => isWhole(d[u]))) throw new Unrepresentable();
  const [only] = set;
  if (set.length === 1 && only) return { amount: String(d[only]), unit: only };
  const minutes =
    (Number(d.minutes ?? 0) || 0) + (Number(d.hours ?? 0) || 0) * 60 + (Number(d.days ?? 0) || 0) * 1440;
  if (minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
};

const keyFrom = (key: unknown): { keyEvent: string; keyTrigger: string } => {
  if (key === undefined) return { keyEvent: '', keyTrigger: '' };
  if (!isRecord(key) || !hasOnly(key, ['event', 'trigger']) || !isText(key.event) || !isText(key.trigger))
    throw new Unrepresentable();
  return { keyEvent: key.event, keyTrigger: key.trigger };
};

const pairsFrom = (record: unknown): Pair[] => {
  if (record === undefined) return [];
  if (!isRecord(record)) throw new Unrepresentable();
  return Object.entries(record).map(([name, value]) => ({
    key: rowKey(),
    name,
    value: need(isText(value) ? value : undefined),
  }));
};

const tagsFrom = (tags: unknown): string => {
  if (tags === undefined) return '';
  if (!Array.isArray(tags) || !tags.every((t) => isText(t) && !t.includes(','))) throw new Unrepresentable();
  return tags.join(', ');
};

/** Where a step leads, relative to the step below it in the list. */
const targetFrom = (target: unknown, following: string | undefined): string => {
  if (target === undefined) return following === undefined ? FOLLOWING : END_RUN;
  if (!isText(target)) throw new Unrepresentable();
  return target === following ? FOLLOWING : target;
};

/** A split's paths: each a whole weight and where it leads. */
const pathsFrom = (paths: unknown, to: (target: unknown) => string): SplitPath[] => {
  if (!Array.isArray(paths)) throw new Unrepresentable();
  return paths.map((p) => {
    if (!isRecord(p) || !hasOnly(p, ['weight', 'next']) || !isWhole(p.weight)) throw new Unrepresentable();
    return { key: rowKey(), weight: String(p.weight), next: to(p.next) };
  });
};

const stepFrom = (s: unknown, following: string | undefined): StepForm => {
  if (!isRecord(s) || !isText(s.id)) throw new Unrepresentable();
  const base = { key: rowKey(), id: s.id };
  const to = (target: unknown) => targetFrom(target, following);
  const fields = (...keys: string[]) => {
    if (!hasOnly(s, ['id', 'type', ...keys])) throw new Unrepresentable();
  };
  switch (s.type) {
    case 'email': {
      fields('template', 'next');
      const template = s.template;
      if (
        !isRecord(template) ||
        !hasOnly(template, ['templateId', 'version']) ||
        !isText(template.templateId)
      )
        throw new Unrepresentable();
      const version =
        template.version === undefined
          ? ''
          : String(need(isWhole(template.version) ? template.version : undefined));
      return { ...base, type: 'email', templateId: template.templateId, version, next: to(s.next) };
    }
    case 'wait':
      fields('duration', 'next');
      return { ...base, type: 'wait', duration: durationFrom(s.duration), next: to(s.next) };
    case 'waitUntil': {
      fields('time', 'days', 'next');
      const days: Weekday[] =
        s.days === undefined
          ? []
          : Array.isArray(s.days)
            ? s.days.map((d) => need(oneOf(WEEKDAYS, d)))
            : fail();
      if (s.days !== undefined && days.length === 0) throw new Unrepresentable();
      return {
        ...base,
        type: 'waitUntil',
        time: need(isText(s.time) ? s.time : undefined),
        days,
        next: to(s.next),
      };
    }
    case 'waitForEvent':
      fields('event', 'where', 'key', 'timeout', 'onEvent', 'onTimeout');
      return {
        ...base,
        type: 'waitForEvent',
        event: need(isText(s.event) ? s.event : undefined),
        where: filtersFrom(s.where),
        ...keyFrom(s.key),
        timeout: durationFrom(s.timeout),
        onEvent: to(s.onEvent),
        onTimeout: to(s.onTimeout),
      };
    case 'branch':
      fields('condition', 'ifTrue', 'ifFalse');
      if (s.condition === undefined) throw new Unrepresentable();
      return {
        ...base,
        type: 'branch',
        condition: fromCondition(s.condition),
        ifTrue: to(s.ifTrue),
        ifFalse: to(s.ifFalse),
      };
    case 'split':
      fields('paths');
      return { ...base, type: 'split', paths: pathsFrom(s.paths, to) };
    case 'update':
      fields('addTags', 'removeTags', 'attributes', 'stage', 'next');
      return {
        ...base,
        type: 'update',
        addTags: tagsFrom(s.addTags),
        removeTags: tagsFrom(s.removeTags),
        attributes: pairsFrom(s.attributes),
        stage: need(optionalText(s.stage)),
        next: to(s.next),
      };
    case 'emit':
      fields('name', 'properties', 'next');
      return {
        ...base,
        type: 'emit',
        name: need(isText(s.name) ? s.name : undefined),
        properties: pairsFrom(s.properties),
        next: to(s.next),
      };
    case 'webhook':
      fields('endpointId', 'next');
      return {
        ...base,
        type: 'webhook',
        endpointId: need(isText(s.endpointId) ? s.endpointId : undefined),
        next: to(s.next),
      };
    case 'exit':
      fields();
      return { ...base, type: 'exit' };
    default:
      throw new Unrepresentable();
  }
};

const triggerFrom = (t: unknown): TriggerForm => {
  if (!isRecord(t)) throw new Unrepresentable();
  const type = need(oneOf(TRIGGER_TYPES, t.type));
  const form = { ...emptyTrigger(), type };
  const fields = (...keys: string[]) => {
    if (!hasOnly(t, ['type', ...keys])) throw new Unrepresentable();
  };
  switch (type) {
    case 'event':
      fields('event', 'where');
      return { ...form, event: need(isText(t.event) ? t.event : undefined), where: filtersFrom(t.where) };
    case 'segment':
      fields('segmentId', 'on');
      return {
        ...form,
        segmentId: need(isText(t.segmentId) ? t.segmentId : undefined),
        on: need(oneOf(['enter', 'exit'] as const, t.on)),
      };
    case 'stage':
      fields('to', 'from');
      return { ...form, to: need(isText(t.to) ? t.to : undefined), from: need(optionalText(t.from)) };
    case 'date': {
      fields('field', 'at', 'offsetDays');
      const field = need(isText(t.field) && t.field.startsWith('attributes.') ? t.field : undefined);
      return {
        ...form,
        attribute: field.slice('attributes.'.length),
        at: t.at === undefined ? '09:00' : need(isText(t.at) ? t.at : undefined),
        offsetDays:
          t.offsetDays === undefined ? '0' : String(need(isWhole(t.offsetDays) ? t.offsetDays : undefined)),
      };
    }
    case 'inactivity':
      fields('event', 'days');
      return {
        ...form,
        event: need(isText(t.event) ? t.event : undefined),
        days: String(need(isWhole(t.days) ? t.days : undefined)),
      };
  }
};

const read = (d: unknown): JourneyForm => {
  if (!isRecord(d) || !hasOnly(d, ['name', 'description', 'trigger', 'entry', 'goal', 'quietHours', 'steps']))
    throw new Unrepresentable();
  if (!Array.isArray(d.steps)) throw new Unrepresentable();
  const ids = d.steps.map((s) => (isRecord(s) && isText(s.id) ? s.id : undefined));
  const entry = d.entry ?? { mode: 'once' };
  if (!isRecord(entry) || !hasOnly(entry, ['mode', 'periodDays'])) throw new Unrepresentable();
  const { goal, quietHours } = d;
  if (
    goal !== undefined &&
    (!isRecord(goal) || !hasOnly(goal, ['event', 'where', 'key']) || !isText(goal.event))
  )
    throw new Unrepresentable();
  if (
    quietHours !== undefined &&
    (!isRecord(quietHours) ||
      !hasOnly(quietHours, ['from', 'to']) ||
      !isText(quietHours.from) ||
      !isText(quietHours.to))
  )
    throw new Unrepresentable();
  return {
    name: need(isText(d.name) ? d.name : undefined),
    description: need(optionalText(d.description)),
    trigger: triggerFrom(d.trigger),
    entry: {
      mode: need(oneOf(ENTRY_MODES, entry.mode)),
      periodDays:
        entry.periodDays === undefined
          ? ''
          : String(need(isWhole(entry.periodDays) ? entry.periodDays : undefined)),
    },
    goal: goal
      ? { enabled: true, event: String(goal.event), where: filtersFrom(goal.where), ...keyFrom(goal.key) }
      : { enabled: false, event: '', where: [], keyEvent: '', keyTrigger: '' },
    quietHours: quietHours
      ? { enabled: true, from: String(quietHours.from), to: String(quietHours.to) }
      : { enabled: false, from: '21:00', to: '08:00' },
    steps: d.steps.map((s, i) => stepFrom(s, ids[i + 1])),
  };
};

/** The form for a journey document, or `undefined` when the form cannot hold it as it is. */
export const formFromDefinition = (definition: unknown): JourneyForm | undefined => {
  try {
    return read(definition);
  } catch (error) {
    if (error instanceof Unrepresentable) return undefined;
    throw error;
  }
};
