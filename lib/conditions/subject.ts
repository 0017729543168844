/** What a condition is evaluated on, and when. */
import type { Contact } from '../contacts/contact.schema.ts';
import type { EngagementKind } from './condition.schema.ts';

/** One event of the contact's timeline (a timeline entry or an `event.recorded` detail fits). */
export interface EventInput {
  readonly name: string;
  /** ISO 8601. */
  readonly occurredAt: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** One email engagement fact (from SES events). */
export interface EngagementInput {
  readonly kind: EngagementKind;
  /** ISO 8601. */
  readonly at: string;
  readonly campaignId?: string;
}

/**
 * The contact and the inputs a condition may read besides it. `events` and `engagement` are only
 * needed when `dependencies(condition)` says so (`timeline`, `engagement`); missing lists read as empty.
 */
export interface Subject {
  readonly contact: Contact;
  readonly events?: readonly EventInput[];
  readonly engagement?: readonly EngagementInput[];
  /** Lead score; a contact without one has 0. */
  readonly score?: number;
  /** Lifecycle stage. */
  readonly stage?: string;
}

export interface EvaluationContext {
  /** The instant every relative window is measured from. */
  readonly now: Date;
  /** The workspace's lifecycle, in order (for `stage atLeast`); defaults to DEFAULT_STAGES. */
  readonly stages?: readonly string[];
}

/**
 * The subject of a contact as stored: its profile, its lead score and stage from the score ledger,
 * and the timeline events when a condition reads them. Incremental evaluation and rebuilds both build
 * it here, so a segment on score or stage means the same to both.
 */
export const subjectOf = (contact: Contact, events?: readonly EventInput[]): Subject => ({
  contact,
  ...(events ? { events } : {}),
  ...(contact.score
    ? { score: contact.score.score, ...(contact.score.stage ? { stage: contact.score.stage } : {}) }
    : {}),
});
