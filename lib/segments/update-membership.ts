/**
 * Incremental membership: a change to one contact re-evaluates only the segments that read what
 * changed, and writes only the memberships that flip (one write per change, carrying its event).
 * Conditions with windows relative to now get a timer at the earliest moment their answer could
 * flip with no new event ("active in the last 30 days" → day 31).
 */
import { nextChange } from '../conditions/evaluate.ts';
import { type EngagementInput, type EventInput, subjectOf } from '../conditions/subject.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import { engagementOf } from '../email/history/engagement.ts';
import type { TimelineRepository } from '../events/timeline.repository.ts';
import type { Clock } from '../shared/clock.ts';
import { keys } from '../shared/keys.ts';
import type { Timers } from '../timers/timers.ts';
import { type CompiledSegment, dynamicSegments } from './compiled-segments.ts';
import type { SegmentsRepository } from './segments.repository.ts';

export interface MembershipDeps {
  readonly segments: SegmentsRepository;
  readonly contacts: ContactsRepository;
  readonly timeline: TimelineRepository;
  readonly timers: Timers;
  readonly clock: Clock;
}

/** What changed on the contact, as the bus told it. */
export type Change =
  | { readonly kind: 'created' }
  | { readonly kind: 'fields'; readonly fields: readonly string[] }
  | { readonly kind: 'event'; readonly name: string }
  /** An email outcome (delivered, opened...) from the SES feedback loop. */
  | { readonly kind: 'engagement' }
  | { readonly kind: 'timer' };

/** How many recent timeline entries feed event conditions that the roll-ups cannot answer. */
export const EVENTS_WINDOW = 200;

/** One recheck timer per contact (its id is the contact id), moved to the earliest pending flip. */
export const recheckTimerId = (contactId: string) => contactId;

/**
 * Timers have whole-second precision: fire just after the flip, never just before it (which would
 * find nothing changed and set the same timer again).
 */
export const recheckAt = (flip: Date): Date => new Date(Math.ceil(flip.getTime() / 1000) * 1000 + 1000);

/** Does this change touch anything the segment reads? */
export const affects = (segment: CompiledSegment, change: Change): boolean => {
  const r = segment.reads;
  switch (change.kind) {
    case 'created':
    case 'timer':
      return true;
    case 'event':
      return r.events.includes(change.name);
    case 'engagement':
      return r.engagement;
    case 'fields':
      return change.fields.some((field) => {
        switch (field) {
          case 'attributes':
            return r.attributes.length > 0;
          case 'tags':
            return r.tags.length > 0;
          case 'consent':
            return r.consent.length > 0;
          case 'suppression':
            return r.suppression;
          case 'purchases':
            return r.purchases;
          case 'activity':
            return r.events.length > 0;
          case 'score':
            return r.score;
          case 'stage':
            return r.stage;
          default:
            return r.contactFields.some((f) => f === field);
        }
      });
  }
};

export interface MembershipResult {
  readonly entered: string[];
  readonly exited: string[];
  readonly nextCheck?: Date;
}

export const updateMembership = async (
  workspaceId: string,
  contactId: string,
  change: Change,
  deps: MembershipDeps,
): Promise<MembershipResult> => {
  const all = await dynamicSegments(workspaceId, deps);
  const selected = all.filter((s) => affects(s, change) || (change.kind === 'timer' && s.reads.timeRelative));
  if (selected.length === 0) return { entered: [], exited: [] };
  const contact = await deps.contacts.get(workspaceId, contactId);
  const current = await deps.segments.memberOf(
    workspaceId,
    contactId,
    selected.map((s) => s.segment.id),
  );
  const entered: string[] = [];
  const exited: string[] = [];
  if (!contact) {
    // Erased or never there: it is a member of nothing.
    for (const id of current) if (await deps.segments.exit(workspaceId, id, contactId)) exited.push(id);
    return { entered, exited };
  }
  let events: EventInput[] | undefined;
  let engagement: EngagementInput[] | undefined;
  if (selected.some((s) => s.reads.timeline || s.reads.engagement)) {
    const page = await deps.timeline.page(keys.contactPartition(workspaceId, contactId), EVENTS_WINDOW);
    events = page.entries.map((e) => ({ name: e.name, occurredAt: e.occurredAt, properties: e.properties }));
    engagement = engagementOf(page.entries);
  }
  const subject = { ...subjectOf(contact, events), ...(engagement ? { engagement } : {}) };
  const context = { now: deps.clock.now() };
  let nextCheck: Date | undefined;
  for (const s of selected) {
    const member = s.evaluate(subject, context);
    if (member && !current.has(s.segment.id)) {
      if (
        await deps.segments.enter(workspaceId, s.segment.id, contactId, s.segment.ruleVersion, deps.clock)
      ) {
        entered.push(s.segment.id);
      }
    } else if (!member && current.has(s.segment.id)) {
      if (await deps.segments.exit(workspaceId, s.segment.id, contactId)) exited.push(s.segment.id);
    }
    if (s.reads.timeRelative) {
      const at = nextChange(s.condition, subject, context);
      if (at && (!nextCheck || at < nextCheck)) nextCheck = at;
    }
  }
  if (nextCheck) {
    nextCheck = recheckAt(nextCheck);
    // Writes only when this brings the recheck forward: the timer covers segments not evaluated here,
    // and one that fires early just finds nothing to change and sets the next.
    await deps.timers.set(
      workspaceId,
      'segment-recheck',
      recheckTimerId(contactId),
      nextCheck,
      { contactId },
      { keepEarlier: true },
    );
  }
  return nextCheck ? { entered, exited, nextCheck } : { entered, exited };
};
