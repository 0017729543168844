/**
 * What a condition reads, so that a change re-evaluates only the segments (journeys, fit rules...) it
 * can affect, and so that a caller loads the event list or engagement only when a condition needs them.
 */
import type { Channel } from '../shared/values/channel.schema.ts';
import { type Condition, type ContactField, isContactField } from './condition.schema.ts';
import { answeredByRollUp } from './evaluate.ts';

export interface Dependencies {
  /** Contact fields read by `attribute` nodes (`email`, `createdAt`...). */
  readonly contactFields: readonly ContactField[];
  /** Custom attribute names (without the `attributes.` prefix). */
  readonly attributes: readonly string[];
  readonly tags: readonly string[];
  readonly consent: readonly Channel[];
  readonly suppression: boolean;
  /** Reads the purchase roll-up. */
  readonly purchases: boolean;
  /** Event names read, from the roll-up or the event list. */
  readonly events: readonly string[];
  /** Some event condition needs the subject's `events` list (property filters, counts in a window...). */
  readonly timeline: boolean;
  /** Needs the subject's `engagement` list. */
  readonly engagement: boolean;
  readonly score: boolean;
  readonly stage: boolean;
  /** Has windows relative to now: schedule `nextChange` after each evaluation. */
  readonly timeRelative: boolean;
}

const RELATIVE_OPS: readonly string[] = ['withinLastDays', 'notWithinLastDays', 'olderThanDays'];

export const dependencies = (condition: Condition): Dependencies => {
  const contactFields = new Set<ContactField>();
  const attributes = new Set<string>();
  const tags = new Set<string>();
  const consent = new Set<Channel>();
  const events = new Set<string>();
  let suppression = false;
  let purchases = false;
  let timeline = false;
  let engagement = false;
  let score = false;
  let stage = false;
  let timeRelative = false;

  const visit = (node: Condition): void => {
    switch (node.type) {
      case 'all':
      case 'any':
        for (const child of node.conditions) visit(child);
        return;
      case 'not':
        visit(node.condition);
        return;
      case 'attribute':
        if (node.field.startsWith('attributes.')) attributes.add(node.field.slice('attributes.'.length));
        else if (isContactField(node.field)) contactFields.add(node.field);
        if (RELATIVE_OPS.includes(node.op)) timeRelative = true;
        return;
      case 'tag':
        for (const tag of typeof node.value === 'string' ? [node.value] : node.value) tags.add(tag);
        return;
      case 'consent':
        consent.add(node.channel);
        return;
      case 'suppression':
        suppression = true;
        return;
      case 'stage':
        stage = true;
        return;
      case 'score':
        score = true;
        return;
      case 'purchases':
        purchases = true;
        if (RELATIVE_OPS.includes(node.op)) timeRelative = true;
        return;
      case 'event':
        events.add(node.name);
        if (!answeredByRollUp(node)) timeline = true;
        if (node.withinLastDays !== undefined || node.where?.some((f) => RELATIVE_OPS.includes(f.op)))
          timeRelative = true;
        return;
      case 'engagement':
        engagement = true;
        if (node.withinLastDays !== undefined) timeRelative = true;
        return;
    }
  };
  visit(condition);
  return {
    contactFields: [...contactFields],
    attributes: [...attributes],
    tags: [...tags],
    consent: [...consent],
    suppression,
    purchases,
    events: [...events],
    timeline,
    engagement,
    score,
    stage,
    timeRelative,
  };
};

/** A change to one contact's inputs; leave out what is not known (it then counts as "may have changed"). */
export interface InputChange {
  /** Contact fields that changed, as in `contact.updated` (`attributes`, `tags`, `consent`, `email`...). */
  readonly fields?: readonly string[];
  /** The attribute names that changed, when known. */
  readonly attributes?: readonly string[];
  /** Tags added or removed, when known. */
  readonly tags?: readonly string[];
  /** Channels whose consent changed, when known. */
  readonly consent?: readonly Channel[];
  /** Names of new events. */
  readonly events?: readonly string[];
  readonly engagement?: boolean;
  readonly score?: boolean;
  readonly stage?: boolean;
}

const overlaps = (read: readonly string[], changed: readonly string[] | undefined): boolean =>
  read.length > 0 && (changed === undefined || changed.some((c) => read.includes(c)));

/** Could this change alter the result of a condition with these dependencies? */
export const isAffectedBy = (deps: Dependencies, change: InputChange): boolean => {
  const fields = change.fields ?? [];
  if (fields.includes('attributes') && overlaps(deps.attributes, change.attributes)) return true;
  if (fields.includes('tags') && overlaps(deps.tags, change.tags)) return true;
  if (fields.includes('consent') && overlaps(deps.consent, change.consent)) return true;
  if (fields.includes('suppression') && deps.suppression) return true;
  if (fields.includes('purchases') && deps.purchases) return true;
  if (deps.contactFields.some((f) => fields.includes(f))) return true;
  if (change.events?.some((e) => deps.events.includes(e))) return true;
  if (change.engagement === true && deps.engagement) return true;
  if (change.score === true && deps.score) return true;
  if (change.stage === true && deps.stage) return true;
  return false;
};
