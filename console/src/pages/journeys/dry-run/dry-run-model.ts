/**
 * The dry run's request and its answer as a timeline. A marketer simulates a saved journey either
 * for a real contact (found by name or email) or for a made-up sequence: the trigger event's
 * properties, then events each some time after the start (an order two hours later...). Offsets are
 * turned into times from one start, so the simulation and the timeline share a clock.
 */
import type { BodyOf, ResponseOf } from '../../../api/types.ts';
import type { DurationForm, Pair } from '../form/journey-form-model.ts';

export type DryRunBody = BodyOf<'/v1/journeys/dry-run', 'post'>;
export type DryRunResult = ResponseOf<'/v1/journeys/dry-run', 'post'>;

export interface MadeUpEvent {
  readonly key: string;
  readonly name: string;
  readonly properties: readonly Pair[];
  /** How long after the start it happens. */
  readonly after: DurationForm;
}

export type DryRunSubject =
  | { readonly kind: 'contact'; readonly contactId: string }
  | {
      readonly kind: 'madeUp';
      readonly trigger: readonly Pair[];
      readonly events: readonly MadeUpEvent[];
    };

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** The duration in milliseconds; 0 for a blank or wrong amount (the event then happens at the start). */
export const offsetMs = (d: DurationForm): number => {
  const amount = Number(d.amount.trim());
  return Number.isFinite(amount) && amount >= 0 ? amount * UNIT_MS[d.unit] : 0;
};

const propertiesOf = (pairs: readonly Pair[]): Record<string, string> =>
  Object.fromEntries(pairs.filter((p) => p.name.trim() !== '').map((p) => [p.name.trim(), p.value]));

/** The start typed in a `datetime-local` field (the user's own time), or now when blank or wrong. */
export const startOf = (text: string, now: Date): Date => {
  const typed = text.trim() ? new Date(text) : undefined;
  return typed && !Number.isNaN(typed.getTime()) ? typed : now;
};

export const dryRunBody = (journeyId: string, subject: DryRunSubject, start: Date): DryRunBody => {
  const base = { journeyId, start: start.toISOString() };
  if (subject.kind === 'contact') return { ...base, contactId: subject.contactId };
  return {
    ...base,
    trigger: { properties: propertiesOf(subject.trigger) },
    events: subject.events
      .filter((e) => e.name.trim() !== '')
      .map((e) => ({
        name: e.name.trim(),
        at: new Date(start.getTime() + offsetMs(e.after)).toISOString(),
        properties: propertiesOf(e.properties),
      })),
  };
};

export interface TimelineEntry {
  /** Unique in the timeline (a step held by quiet hours appears twice). */
  readonly key: string;
  readonly at: string;
  readonly stepId: string;
  readonly type: string;
  /** The email the step sends, when it sends one. */
  readonly templateId?: string;
}

/** The steps in the order taken, each email step with the template it sends. */
export const timeline = (result: DryRunResult): TimelineEntry[] => {
  const emails = new Map(result.emails.map((e) => [`${e.stepId}@${e.at}`, e.templateId]));
  return result.steps.map((s, n) => {
    const templateId = emails.get(`${s.stepId}@${s.at}`);
    return {
      key: `${n}:${s.stepId}`,
      at: s.at,
      stepId: s.stepId,
      type: s.type,
      ...(templateId ? { templateId } : {}),
    };
  });
};
