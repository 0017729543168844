/**
 * A contact's runs of journeys: one item per contact and journey (keys.journeyRun), which each entry
 * reuses, so "at most one active run per contact per journey" and the entry rules are one conditional
 * write, never a read-then-write:
 * - `once`: the item must not exist;
 * - `oncePer`: absent, or ended and last entered before the period;
 * - `always`: absent, or ended.
 * A run moves step by step with a fence: each move is conditional on the run id and the step counter
 * (`seq`) it was read with, so a step delivered twice (a timer, the bus) moves the run once.
 */
import * as z from 'zod';
import { GetCommand, UpdateCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../shared/table.ts';

export const RUN_ENDS = ['completed', 'exit', 'goal', 'unsubscribed', 'suppressed', 'archived'] as const;
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
});
export type JourneyRun = z.infer<typeof journeyRunRecord>;

export type EntryRule =
  | { readonly mode: 'once' }
  | { readonly mode: 'always' }
  | { readonly mode: 'oncePer'; readonly periodDays: number };

export type EntryOutcome =
  | { readonly entered: true; readonly run: JourneyRun }
  | { readonly entered: false; readonly why: 'active' | 'once' | 'period'; readonly run: JourneyRun };

const DAY_MS = 86_400_000;

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
      const again =
        journey.entry.mode === 'once'
          ? ''
          : journey.entry.mode === 'always'
            ? ' OR #status = :ended'
            : ' OR (#status = :ended AND #last < :cutoff)';
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
              `updatedAt = :at, #last = :at, entries = if_not_exists(entries, :zero) + :one${trigger ? ', #trigger = :trigger' : ''} ` +
              `REMOVE endedAt, ended${trigger ? '' : ', #trigger'}`,
            ConditionExpression: `attribute_not_exists(pk)${again}`,
            ExpressionAttributeNames: {
              '#type': 'type',
              '#v': 'v',
              '#version': 'version',
              '#status': 'status',
              '#last': 'lastEnteredAt',
              '#trigger': 'trigger',
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
      to: { readonly stepId?: string | undefined; readonly end?: RunEnd },
      now: Date,
    ): Promise<boolean> {
      const at = now.toISOString();
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.journeyRun(workspaceId, run.contactId, run.journeyId),
            UpdateExpression: to.end
              ? 'SET seq = :next, updatedAt = :at, #status = :ended, endedAt = :at, ended = :end REMOVE stepId'
              : `SET seq = :next, updatedAt = :at${to.stepId ? ', stepId = :stepId' : ''}`,
            ConditionExpression: 'runId = :runId AND seq = :seq AND #status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':runId': run.runId,
              ':seq': run.seq,
              ':next': run.seq + 1,
              ':active': 'active',
              ':at': at,
              ...(to.end ? { ':ended': 'ended', ':end': to.end } : {}),
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
