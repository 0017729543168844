/**
 * A contact's runs of journeys: one item per contact and journey (keys.journeyRun), which each entry
 * reuses, so "at most one active run per contact per journey" and the entry rules are one conditional
 * write, never a read-then-write:
 * - `once`: the item must not exist;
 * - `oncePer`: absent, or ended and last entered before the period;
 * - `always`: absent, or ended.
 * A run moves step by step with a fence: each move is conditional on the run id and the step counter
 * (`seq`) it was read with, so a step delivered twice (a timer, the bus) moves the run once.
 * The entry and the end carry their events (`journey.entered`, `journey.ended`) on the run item itself
 * (the outbox, item-data form: the item is the event's data).
 */
import * as z from 'zod';
import { fixedClock } from '../shared/clock.ts';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toItemOutbox, toOutbox } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../shared/table.ts';

export const RUN_ENDS = ['completed', 'exit', 'goal', 'unsubscribed', 'suppressed'] as const;
export type RunEnd = (typeof RUN_ENDS)[number];

const eventInput = z.object({
  name: z.string(),
  occurredAt: z.string(),
  properties: z.record(z.string(), z.unknown()),
});

export const journeyRunRecord = z.object({
  type: z.literal('journeyRun'),
  v: z.literal(1),
  journeyId: z.string(),
  contactId: z.string(),
  runId: z.string(),
  version: z.number().int().positive(),
  status: z.enum(['active', 'ended']),
  /** The step the run is at (waiting in, or about to take). */
  stepId: z.string().optional(),
  /** Moves so far: the fence of every move. */
  seq: z.number().int().nonnegative(),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** The event that started the run (keys read it). */
  trigger: eventInput.optional(),
  /** How many times the contact entered this journey. */
  entries: z.number().int().positive(),
  lastEnteredAt: z.string(),
  endedAt: z.string().optional(),
  ended: z.enum(RUN_ENDS).optional(),
  /** What its goal was worth, when an order reached it. */
  revenue: z.object({ amount: z.number().int(), currency: z.string() }).optional(),
});
export type JourneyRun = z.infer<typeof journeyRunRecord>;

export type EntryRule =
  | { readonly mode: 'once' }
  | { readonly mode: 'always' }
  | { readonly mode: 'oncePer'; readonly periodDays: number };

/** A document's entry rules as the entry write takes them (`periodDays` only with `oncePer`, by its schema). */
export const entryRule = (entry: {
  readonly mode: EntryRule['mode'];
  readonly periodDays?: number | undefined;
}): EntryRule =>
  entry.mode === 'oncePer' ? { mode: 'oncePer', periodDays: entry.periodDays ?? 1 } : { mode: entry.mode };

export type EntryOutcome =
  | { readonly entered: true; readonly run: JourneyRun }
  | { readonly entered: false; readonly why: 'active' | 'once' | 'period'; readonly run: JourneyRun };

const DAY_MS = 86_400_000;
export const SIGNAL_TTL_DAYS = 30;

export const journeyRunsRepository = (table: Table) => {
  const T = table.name;
  const read = (item: Record<string, unknown>) => readItem(journeyRunRecord, item, 'journey run');
  const getItem = async (workspaceId: string, contactId: string, journeyId: string) =>
    (
      await table.client.send(
        new GetCommand({
          TableName: T,
          Key: keys.journeyRun(workspaceId, contactId, journeyId),
          ConsistentRead: true,
        }),
      )
    ).Item;

  return {
    /**
     * Stores a `journey.signal` of a run's step once, on an item of its own in the contact's partition
     * (gone with the contact, and after {@link SIGNAL_TTL_DAYS}); false if it was there already.
     */
    async signal(event: DomainEvent<'journey.signal'>): Promise<boolean> {
      const { contactId, runId, stepId } = event.data;
      try {
        await table.client.send(
          new PutCommand({
            TableName: T,
            Item: {
              pk: keys.contactPartition(event.workspaceId, contactId),
              sk: `${keys.journeySignalPrefix}${runId}#${stepId}`,
              type: 'journeySignal',
              v: 1,
              [OUTBOX_ATTRIBUTE]: toOutbox(event),
              ttl: Math.floor(Date.parse(event.occurredAt) / 1000) + SIGNAL_TTL_DAYS * 86_400,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Enters the contact into the journey if its entry rule and the one-active-run rule allow: the run,
     * at the first step with `seq` 0; else why not, with the run as it is.
     */
    async enter(
      workspaceId: string,
      contactId: string,
      journey: {
        readonly id: string;
        readonly version: number;
        readonly firstStep: string;
        readonly entry: EntryRule;
      },
      runId: string,
      trigger: z.infer<typeof eventInput> | undefined,
      now: Date,
    ): Promise<EntryOutcome> {
      const at = now.toISOString();
      // The same run never starts twice (its id comes from the trigger: a redelivered event), whatever the rule.
      const again =
        journey.entry.mode === 'once'
          ? ''
          : journey.entry.mode === 'always'
            ? ' OR (#status = :ended AND runId <> :runId)'
            : ' OR (#status = :ended AND #last < :cutoff AND runId <> :runId)';
      const entered = domainEvent(
        'journey.entered',
        workspaceId,
        { contactId, journeyId: journey.id, runId, version: journey.version },
        fixedClock(at),
      );
      const values: Record<string, unknown> = {
        ':type': 'journeyRun',
        ':v': 1,
        ':journeyId': journey.id,
        ':contactId': contactId,
        ':runId': runId,
        ':version': journey.version,
        ':active': 'active',
        ':stepId': journey.firstStep,
        ':zero': 0,
        ':one': 1,
        ':at': at,
        ':ev': toItemOutbox(entered),
        ...(trigger ? { ':trigger': trigger } : {}),
        ...(journey.entry.mode === 'once' ? {} : { ':ended': 'ended' }),
        ...(journey.entry.mode === 'oncePer'
          ? { ':cutoff': new Date(now.getTime() - journey.entry.periodDays * DAY_MS).toISOString() }
          : {}),
      };
      try {
        const { Attributes } = await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.journeyRun(workspaceId, contactId, journey.id),
            UpdateExpression:
              'SET #type = :type, #v = :v, journeyId = :journeyId, contactId = :contactId, runId = :runId, ' +
              '#version = :version, #status = :active, stepId = :stepId, seq = :zero, startedAt = :at, ' +
              `updatedAt = :at, #last = :at, entries = if_not_exists(entries, :zero) + :one, #ev = :ev${trigger ? ', #trigger = :trigger' : ''} ` +
              `REMOVE endedAt, ended, revenue${trigger ? '' : ', #trigger'}`,
            ConditionExpression: `attribute_not_exists(pk)${again}`,
            ExpressionAttributeNames: {
              '#type': 'type',
              '#v': 'v',
              '#version': 'version',
              '#status': 'status',
              '#last': 'lastEnteredAt',
              '#trigger': 'trigger',
              '#ev': OUTBOX_ATTRIBUTE,
            },
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { entered: true, run: read(Attributes ?? {}) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const old = conditionFailureItem(error) ?? (await getItem(workspaceId, contactId, journey.id));
        const run = read(old ?? {});
        const why = run.status === 'active' ? 'active' : journey.entry.mode === 'once' ? 'once' : 'period';
        return { entered: false, why, run };
      }
    },

    /** The contact's runs of every journey (one query of its partition), active or not. */
    async ofContact(workspaceId: string, contactId: string): Promise<JourneyRun[]> {
      const { Items } = await table.client.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.contactPartition(workspaceId, contactId),
            ':prefix': keys.journeyRunPrefix,
          },
        }),
      );
      return (Items ?? []).map(read);
    },

    async get(workspaceId: string, contactId: string, journeyId: string): Promise<JourneyRun | undefined> {
      const item = await getItem(workspaceId, contactId, journeyId);
      return item ? read(item) : undefined;
    },

    /**
     * Moves an active run from the move `seq` of run `runId` to `stepId` (none: it stays where it is, a
     * wait begun), or ends it with `end`; false when the run moved or ended meanwhile (a duplicate
     * delivery, a goal, an unsubscribe): then the caller does nothing more.
     */
    async move(
      workspaceId: string,
      run: Pick<JourneyRun, 'contactId' | 'journeyId' | 'runId' | 'seq'>,
      to: {
        readonly stepId?: string | undefined;
        readonly end?: RunEnd;
        /** What the goal was worth (an order's total), for the journey's revenue. */
        readonly revenue?: { readonly amount: number; readonly currency: string } | undefined;
      },
      now: Date,
    ): Promise<boolean> {
      const at = now.toISOString();
      const ended = to.end
        ? domainEvent(
            'journey.ended',
            workspaceId,
            {
              contactId: run.contactId,
              journeyId: run.journeyId,
              runId: run.runId,
              ended: to.end,
              ...(to.revenue ? { revenue: to.revenue } : {}),
            },
            fixedClock(at),
          )
        : undefined;
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.journeyRun(workspaceId, run.contactId, run.journeyId),
            UpdateExpression: ended
              ? `SET seq = :next, updatedAt = :at, #status = :ended, endedAt = :at, ended = :end, #ev = :ev${to.revenue ? ', revenue = :revenue' : ''} REMOVE stepId`
              : `SET seq = :next, updatedAt = :at${to.stepId ? ', stepId = :stepId' : ''}`,
            ConditionExpression: 'runId = :runId AND seq = :seq AND #status = :active',
            ExpressionAttributeNames: { '#status': 'status', ...(ended ? { '#ev': OUTBOX_ATTRIBUTE } : {}) },
            ExpressionAttributeValues: {
              ':runId': run.runId,
              ':seq': run.seq,
              ':next': run.seq + 1,
              ':active': 'active',
              ':at': at,
              ...(ended ? { ':ended': 'ended', ':end': to.end, ':ev': toItemOutbox(ended) } : {}),
              ...(ended && to.revenue ? { ':revenue': to.revenue } : {}),
              ...(!to.end && to.stepId ? { ':stepId': to.stepId } : {}),
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
};

export type JourneyRunsRepository = ReturnType<typeof journeyRunsRepository>;
