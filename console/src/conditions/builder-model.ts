/**
 * The visual condition builder's model and its exact mapping to and from the shared condition
 * language (lib/conditions/condition.schema.ts). A builder is a group (`all` / `any`) of rules and
 * nested groups; each rule is one shape a marketer can fill in with plain fields. A condition the
 * builder has no shape for (a `not`, an event with property filters...) is kept untouched as a `raw`
 * rule, so opening and saving a segment never changes what it means.
 *
 * Form values are strings; numbers are parsed when the condition is built. `toCondition` returns
 * `undefined` for an empty builder, and a list of problems (rule id → message key) for rules that are
 * not filled in, so the form can point at them before asking the API.
 *
 * The value lists below copy the server's (lib/ cannot be imported: its schemas would bundle zod);
 * console/test/server-lists.test.ts keeps them equal.
 */

export const CHANNELS = ['email', 'sms', 'push', 'whatsapp'] as const;
export const CONSENT_STATUSES = ['subscribed', 'unsubscribed', 'pending', 'none'] as const;
export const NUMERIC_OPS = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte'] as const;
export const ATTRIBUTE_OPS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'endsWith',
  'exists',
  'notExists',
  'gt',
  'lt',
  'withinLastDays',
  'olderThanDays',
] as const;
export const ENGAGEMENT_KINDS = ['opened', 'clicked', 'delivered', 'bounced', 'complained'] as const;
export const LAST_ORDER_OPS = ['withinLastDays', 'notWithinLastDays', 'olderThanDays'] as const;
export const CONTACT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'locale',
  'timezone',
  'source',
  'createdAt',
] as const;

export type Channel = (typeof CHANNELS)[number];
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type NumericOp = (typeof NUMERIC_OPS)[number];
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export type LastOrderOp = (typeof LAST_ORDER_OPS)[number];

export type Rule =
  | { id: string; kind: 'attribute'; field: string; op: AttributeOp; value: string }
  | { id: string; kind: 'tag'; op: 'has' | 'hasNot'; value: string }
  | { id: string; kind: 'consent'; channel: Channel; status: ConsentStatus }
  | { id: string; kind: 'stage'; op: 'equals' | 'atLeast'; value: string }
  | { id: string; kind: 'score'; op: NumericOp; value: string }
  | { id: string; kind: 'orderCount'; op: NumericOp; value: string }
  | { id: string; kind: 'lastOrder'; op: LastOrderOp; days: string }
  | { id: string; kind: 'event'; op: 'did' | 'didNot'; name: string; withinLastDays: string }
  | {
      id: string;
      kind: 'engagement';
      op: 'did' | 'didNot';
      engagement: EngagementKind;
      withinLastDays: string;
    }
  | { id: string; kind: 'raw'; condition: unknown };

export type RuleKind = Rule['kind'];
export const RULE_KINDS: readonly Exclude<RuleKind, 'raw'>[] = [
  'attribute',
  'tag',
  'consent',
  'stage',
  'score',
  'orderCount',
  'lastOrder',
  'event',
  'engagement',
];

export interface Group {
  id: string;
  kind: 'group';
  match: 'all' | 'any';
  items: (Rule | Group)[];
}

let counter = 0;
export const newId = (): string => {
  counter += 1;
  return `n${counter}`;
};

export const newRule = (kind: Exclude<RuleKind, 'raw'>): Rule => {
  const id = newId();
  switch (kind) {
    case 'attribute':
      return { id, kind, field: 'email', op: 'endsWith', value: '' };
    case 'tag':
      return { id, kind, op: 'has', value: '' };
    case 'consent':
      return { id, kind, channel: 'email', status: 'subscribed' };
    case 'stage':
      return { id, kind, op: 'equals', value: '' };
    case 'score':
      return { id, kind, op: 'gte', value: '' };
    case 'orderCount':
      return { id, kind, op: 'gte', value: '1' };
    case 'lastOrder':
      return { id, kind, op: 'withinLastDays', days: '90' };
    case 'event':
      return { id, kind, op: 'did', name: '', withinLastDays: '' };
    case 'engagement':
      return { id, kind, op: 'did', engagement: 'opened', withinLastDays: '30' };
  }
};

export const newGroup = (match: 'all' | 'any' = 'all'): Group => ({
  id: newId(),
  kind: 'group',
  match,
  items: [],
});

// ---- from the condition language ----

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (v: Json, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const ruleFrom = (c: Json): Rule | undefined => {
  const id = newId();
  switch (c.type) {
    case 'attribute': {
      if (typeof c.field !== 'string' || !oneOf(ATTRIBUTE_OPS, c.op)) return undefined;
      const op = c.op;
      if (op === 'exists' || op === 'notExists')
        return hasOnly(c, ['type', 'field', 'op'])
          ? { id, kind: 'attribute', field: c.field, op, value: '' }
          : undefined;
      if (op === 'withinLastDays' || op === 'olderThanDays')
        return hasOnly(c, ['type', 'field', 'op', 'days']) && isCount(c.days)
          ? { id, kind: 'attribute', field: c.field, op, value: String(c.days) }
          : undefined;
      if (!hasOnly(c, ['type', 'field', 'op', 'value'])) return undefined;
      if (op === 'gt' || op === 'lt')
        return typeof c.value === 'number' || typeof c.value === 'string'
          ? { id, kind: 'attribute', field: c.field, op, value: String(c.value) }
          : undefined;
      return typeof c.value === 'string'
        ? { id, kind: 'attribute', field: c.field, op, value: c.value }
        : undefined;
    }
    case 'tag':
      return (c.op === 'has' || c.op === 'hasNot') &&
        typeof c.value === 'string' &&
        hasOnly(c, ['type', 'op', 'value'])
        ? { id, kind: 'tag', op: c.op, value: c.value }
        : undefined;
    case 'consent':
      return oneOf(CHANNELS, c.channel) &&
        oneOf(CONSENT_STATUSES, c.status) &&
        hasOnly(c, ['type', 'channel', 'status'])
        ? { id, kind: 'consent', channel: c.channel, status: c.status }
        : undefined;
    case 'stage':
      return (c.op === 'equals' || c.op === 'atLeast') &&
        typeof c.value === 'string' &&
        hasOnly(c, ['type', 'op', 'value'])
        ? { id, kind: 'stage', op: c.op, value: c.value }
        : undefined;
    case 'score':
      return oneOf(NUMERIC_OPS, c.op) && typeof c.value === 'number' && hasOnly(c, ['type', 'op', 'value'])
        ? { id, kind: 'score', op: c.op, value: String(c.value) }
        : undefined;
    case 'purchases':
      if (
        c.metric === 'orderCount' &&
        oneOf(NUMERIC_OPS, c.op) &&
        typeof c.value === 'number' &&
        hasOnly(c, ['type', 'metric', 'op', 'value'])
      )
        return { id, kind: 'orderCount', op: c.op, value: String(c.value) };
      if (
        c.metric === 'lastOrderAt' &&
        oneOf(LAST_ORDER_OPS, c.op) &&
        isCount(c.days) &&
        hasOnly(c, ['type', 'metric', 'op', 'days'])
      )
        return { id, kind: 'lastOrder', op: c.op, days: String(c.days) };
      return undefined;
    case 'event':
      if ((c.op !== 'did' && c.op !== 'didNot') || typeof c.name !== 'string') return undefined;
      if (!hasOnly(c, ['type', 'op', 'name', 'withinLastDays'])) return undefined;
      if (c.withinLastDays !== undefined && !isCount(c.withinLastDays)) return undefined;
      return {
        id,
        kind: 'event',
        op: c.op,
        name: c.name,
        withinLastDays: c.withinLastDays === undefined ? '' : String(c.withinLastDays),
      };
    case 'engagement':
      if ((c.op !== 'did' && c.op !== 'didNot') || !oneOf(ENGAGEMENT_KINDS, c.kind)) return undefined;
      if (!hasOnly(c, ['type', 'op', 'kind', 'withinLastDays'])) return undefined;
      if (c.withinLastDays !== undefined && !isCount(c.withinLastDays)) return undefined;
      return {
        id,
        kind: 'engagement',
        op: c.op,
        engagement: c.kind,
        withinLastDays: c.withinLastDays === undefined ? '' : String(c.withinLastDays),
      };
    default:
      return undefined;
  }
};

const itemFrom = (c: unknown): Rule | Group => {
  if (
    isRecord(c) &&
    (c.type === 'all' || c.type === 'any') &&
    Array.isArray(c.conditions) &&
    hasOnly(c, ['type', 'conditions'])
  )
    return { id: newId(), kind: 'group', match: c.type, items: c.conditions.map(itemFrom) };
  return (isRecord(c) && ruleFrom(c)) || { id: newId(), kind: 'raw', condition: c };
};

/** The builder for a condition: its root group, or an `all` group holding it. */
export const fromCondition = (condition: unknown): Group => {
  if (condition === undefined) return newGroup('all');
  const item = itemFrom(condition);
  return item.kind === 'group' ? item : { id: newId(), kind: 'group', match: 'all', items: [item] };
};

// ---- to the condition language ----

export type Problem = { readonly id: string; readonly message: 'builder.required' | 'builder.number' };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

const ruleTo = (rule: Rule, problems: Problem[]): unknown => {
  const need = (ok: boolean, message: Problem['message'] = 'builder.required') => {
    if (!ok) problems.push({ id: rule.id, message });
  };
  switch (rule.kind) {
    case 'raw':
      return rule.condition;
    case 'attribute': {
      const { field, op } = rule;
      const value = rule.value.trim();
      need(field.trim() !== '');
      if (op === 'exists' || op === 'notExists') return { type: 'attribute', field, op };
      if (op === 'withinLastDays' || op === 'olderThanDays') {
        need(WHOLE.test(value), 'builder.number');
        return { type: 'attribute', field, op, days: Number(value) };
      }
      need(value !== '');
      if (op === 'gt' || op === 'lt')
        return { type: 'attribute', field, op, value: DECIMAL.test(value) ? Number(value) : value };
      return { type: 'attribute', field, op, value };
    }
    case 'tag':
      need(rule.value.trim() !== '');
      return { type: 'tag', op: rule.op, value: rule.value.trim() };
    case 'consent':
      return { type: 'consent', channel: rule.channel, status: rule.status };
    case 'stage':
      need(rule.value.trim() !== '');
      return { type: 'stage', op: rule.op, value: rule.value.trim() };
    case 'score':
      need(DECIMAL.test(rule.value.trim()), 'builder.number');
      return { type: 'score', op: rule.op, value: Number(rule.value) };
    case 'orderCount':
      need(WHOLE.test(rule.value.trim()), 'builder.number');
      return { type: 'purchases', metric: 'orderCount', op: rule.op, value: Number(rule.value) };
    case 'lastOrder':
      need(WHOLE.test(rule.days.trim()), 'builder.number');
      return { type: 'purchases', metric: 'lastOrderAt', op: rule.op, days: Number(rule.days) };
    case 'event': {
      need(rule.name.trim() !== '');
      const days = rule.withinLastDays.trim();
      if (days !== '') need(WHOLE.test(days), 'builder.number');
      return {
        type: 'event',
        op: rule.op,
        name: rule.name.trim(),
        ...(days ? { withinLastDays: Number(days) } : {}),
      };
    }
    case 'engagement': {
      const days = rule.withinLastDays.trim();
      if (days !== '') need(WHOLE.test(days), 'builder.number');
      return {
        type: 'engagement',
        op: rule.op,
        kind: rule.engagement,
        ...(days ? { withinLastDays: Number(days) } : {}),
      };
    }
  }
};

const groupTo = (group: Group, problems: Problem[]): unknown => {
  const conditions = group.items.flatMap((item) => {
    if (item.kind !== 'group') return [ruleTo(item, problems)];
    const nested = groupTo(item, problems);
    return nested === undefined ? [] : [nested];
  });
  return conditions.length === 0 ? undefined : { type: group.match, conditions };
};

/** The condition the builder describes (`undefined` when empty) and what is not filled in yet. */
export const toCondition = (group: Group): { condition: unknown; problems: Problem[] } => {
  const problems: Problem[] = [];
  const condition = groupTo(group, problems);
  return { condition, problems };
};

// ---- editing (immutable updates by id) ----

export const updateItem = (
  group: Group,
  id: string,
  change: (item: Rule | Group) => Rule | Group,
): Group => ({
  ...group,
  items: group.items.map((item) => {
    if (item.id === id) return change(item);
    return item.kind === 'group' ? updateItem(item, id, change) : item;
  }),
});

export const removeItem = (group: Group, id: string): Group => ({
  ...group,
  items: group.items
    .filter((item) => item.id !== id)
    .map((item) => (item.kind === 'group' ? removeItem(item, id) : item)),
});

export const addTo = (root: Group, groupId: string, item: Rule | Group): Group =>
  root.id === groupId
    ? { ...root, items: [...root.items, item] }
    : { ...root, items: root.items.map((i) => (i.kind === 'group' ? addTo(i, groupId, item) : i)) };
