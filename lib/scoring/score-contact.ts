/**
 * Lead scoring on the contact: each scored input (an event, a profile change, a decay step, a
 * manual stage move) updates the small ledger on the contact and writes one history entry keyed by
 * the input, in one transaction, so a redelivered input scores once. The history entry carries
 * `score.changed`; a stage move rides on the contact write as `stage.changed`; the score distribution
 * counters (./score-distribution.ts) move in the same transaction.
 */
import type { EventInput } from '../conditions/subject.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { cancellationCodes, type Table } from '../shared/table.ts';
import type { Timers } from '../timers/timers.ts';
import { applyEvent, applyFit, eventCanScore, type ScoreResult, setStage, settle } from './lead-scoring.ts';
import { scoreCounterUpdate } from './score-distribution.repository.ts';
import { counterDeltas, positionOf } from './score-distribution.ts';
import { scoreStateSchema } from './score-state.schema.ts';
import { emptyScoreState, nextDecayStep } from './score-state.ts';
import type { ScoringModel } from './scoring-model.schema.ts';
import type { ScoringModelsRepository } from './scoring-models.repository.ts';

export interface ScoringDeps {
  readonly table: Table;
  readonly contacts: ContactsRepository;
  readonly models: ScoringModelsRepository;
  readonly timers: Timers;
  readonly clock: Clock;
}

/** Score history is kept this long. */
export const HISTORY_DAYS = 400;

export type ScoreInput =
  | { readonly kind: 'event'; readonly id: string; readonly event: EventInput }
  | { readonly kind: 'fit' }
  | { readonly kind: 'decay' }
  | { readonly kind: 'stage'; readonly id: string; readonly stage: string };

/** One decay timer per contact (its id is the contact id). */
export const decayTimerId = (contactId: string) => contactId;

const compute = (input: ScoreInput, contact: Contact, model: ScoringModel, now: Date): ScoreResult => {
  const state = contact.score ?? emptyScoreState(model);
  switch (input.kind) {
    case 'event':
      return applyEvent(state, input.event, model, now);
    case 'fit':
      return applyFit(state, { contact }, model, now);
    case 'decay':
      return settle(state, model, now);
    case 'stage':
      return setStage(state, input.stage, model, now);
  }
};

/** The id of the history entry: the input's own for events and manual moves, the moment otherwise. */
const historyId = (input: ScoreInput, contact: Contact, now: Date) =>
  input.kind === 'event' || input.kind === 'stage'
    ? `${input.kind}:${input.id}`
    : `${input.kind}:${contact.rev}:${now.getTime()}`;

export const scoreContact = async (
  workspaceId: string,
  contactId: string,
  input: ScoreInput,
  deps: ScoringDeps,
): Promise<'scored' | 'unchanged' | 'duplicate'> => {
  const model = await deps.models.get(workspaceId);
  // An event no rule of the model reads changes nothing: no read, no write (most opens and clicks under
  // a model without email rules, the default). Time alone moves a decaying score: the decay timer's job.
  if (input.kind === 'event' && !eventCanScore(input.event, model, deps.clock.now())) return 'unchanged';
  const outcome = await retryOnConflict('score contact', async () => {
    const contact = await deps.contacts.get(workspaceId, contactId);
    if (!contact) throw new NotFoundError(`no contact ${contactId}`);
    const now = deps.clock.now();
    const result = compute(input, contact, model, now);
    const changed = result.score !== result.previousScore || result.stageChange !== undefined;
    // A contact never scored has the empty ledger: an input that leaves it empty writes nothing.
    const before = contact.score ?? emptyScoreState(model);
    if (!changed && JSON.stringify(result.state) === JSON.stringify(before))
      return { status: 'unchanged' as const, contact };
    const stageEvent = result.stageChange
      ? domainEvent(
          'stage.changed',
          workspaceId,
          {
            contactId,
            ...(result.stageChange.from ? { from: result.stageChange.from } : {}),
            to: result.stageChange.to,
            by: result.stageChange.by,
          },
          deps.clock,
        )
      : undefined;
    const scoreEvent =
      result.score !== result.previousScore
        ? domainEvent(
            'score.changed',
            workspaceId,
            {
              contactId,
              score: result.score,
              previousScore: result.previousScore,
              delta: result.delta,
              reasons: result.reasons.map((r) => ({ kind: r.kind, rule: r.rule, points: r.points })),
            },
            deps.clock,
          )
        : undefined;
    // The readonly ledger, as the contact record's (mutable) type; also checks its bounds. It moves in
    // the score distribution in the same transaction (from nowhere when it was never counted).
    const ledger = scoreStateSchema.parse({ ...result.state, counted: true });
    const next: Contact = { ...contact, score: ledger, rev: contact.rev + 1 };
    const counted = contact.score?.counted ? positionOf(contact.score) : undefined;
    const counter = scoreCounterUpdate(
      deps.table.name,
      workspaceId,
      contactId,
      counterDeltas(counted, positionOf(ledger)),
    );
    const history = {
      Put: {
        TableName: deps.table.name,
        Item: {
          ...keys.scoreHistory(workspaceId, contactId, historyId(input, contact, now)),
          type: 'scoreHistory',
          v: 1,
          at: now.toISOString(),
          score: result.score,
          previousScore: result.previousScore,
          delta: result.delta,
          reasons: result.reasons,
          ...(result.stageChange ? { stageChange: result.stageChange } : {}),
          ttl: Math.floor(now.getTime() / 1000) + HISTORY_DAYS * 86_400,
          ...(scoreEvent ? { [OUTBOX_ATTRIBUTE]: toOutbox(scoreEvent) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    try {
      // History (and its key's dedupe) only for inputs that moved the score or the stage; a ledger
      // that changed without either (first fit, a capped event) is kept without an entry.
      await deps.contacts.replace(next, contact, stageEvent, {}, [
        ...(changed ? [history] : []),
        ...(counter ? [counter] : []),
      ]);
    } catch (error) {
      if (cancellationCodes(error)[1] === 'ConditionalCheckFailed')
        return { status: 'duplicate' as const, contact };
      throw error;
    }
    return { status: 'scored' as const, contact: next };
  });
  // Decay changes the score with no input: wake up when it would cross a stage threshold.
  const state = outcome.contact.score;
  if (state && outcome.status === 'scored') {
    const thresholds = model.lifecycle.thresholds.map((t) => t.minScore);
    const due = nextDecayStep(state, model, deps.clock.now(), { thresholds });
    const id = decayTimerId(contactId);
    // A move writes only when the due time changed; no step left cancels the pending one, if any (a
    // model without decay sets none: a timer left from an earlier model's decay changes nothing).
    if (due)
      await deps.timers.set(
        workspaceId,
        'score-decay',
        id,
        new Date(Math.ceil(due.getTime() / 1000) * 1000 + 1000),
        { contactId },
      );
    else if (model.decay.mode !== 'none') await deps.timers.cancel(workspaceId, 'score-decay', id);
  }
  return outcome.status;
};
