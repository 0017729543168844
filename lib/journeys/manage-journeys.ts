/**
 * Writing journeys: create (a draft, version 1), edit (a new version; a live journey's new runs start
 * on it, runs in progress finish on theirs), start, pause, archive, delete a draft. What a document
 * names must exist in the workspace (its templates and versions, the trigger's segment, webhook
 * endpoints), checked at each save and again at start; every problem is reported at once, each at the
 * path of its field. Each write is conditional on the rev and status read: two editors never both win.
 */
import type { ReferenceReaders } from '../campaigns/campaign-references.ts';
import type { Clock } from '../shared/clock.ts';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { isConditionFailure } from '../shared/table.ts';
import { type Journey, type JourneyStatus, type JourneyVersion, newJourneyId } from './journey.schema.ts';
import type { JourneyDefinition } from './journey-definition.schema.ts';
import type { JourneysRepository } from './journeys.repository.ts';

export interface JourneyDeps extends Pick<ReferenceReaders, 'segments' | 'templates'> {
  /** Outgoing webhook endpoints a `webhook` step names. */
  readonly endpoints: { get(workspaceId: string, endpointId: string): Promise<unknown> };
  readonly journeys: JourneysRepository;
  readonly clock: Clock;
}

/** What each action may move a journey from, and to. */
export const JOURNEY_ACTIONS = {
  start: { from: ['draft', 'paused'], to: 'live' },
  pause: { from: ['live'], to: 'paused' },
  archive: { from: ['live', 'paused'], to: 'archived' },
} as const satisfies Record<string, { from: readonly JourneyStatus[]; to: JourneyStatus }>;
export type JourneyAction = keyof typeof JOURNEY_ACTIONS;

/** Every reference of the document that names nothing in the workspace, at its path. */
export const referenceIssues = async (
  workspaceId: string,
  doc: JourneyDefinition,
  deps: Pick<JourneyDeps, 'segments' | 'templates' | 'endpoints'>,
): Promise<FieldIssue[]> => {
  const checks: Promise<FieldIssue[]>[] = [];
  if (doc.trigger.type === 'segment') {
    const { segmentId } = doc.trigger;
    checks.push(
      deps.segments
        .get(workspaceId, segmentId)
        .then((s) =>
          s ? [] : [{ path: 'trigger.segmentId', message: `no segment ${segmentId} in this workspace` }],
        ),
    );
  }
  doc.steps.forEach((step, i) => {
    if (step.type === 'email') {
      const { templateId, version } = step.template;
      const path = `steps[${i}].template`;
      checks.push(
        (async () => {
          if (!(await deps.templates.get(workspaceId, templateId)))
            return [{ path: `${path}.templateId`, message: `no template ${templateId} in this workspace` }];
          if (version !== undefined && !(await deps.templates.getVersion(workspaceId, templateId, version)))
            return [{ path: `${path}.version`, message: `template ${templateId} has no version ${version}` }];
          return [];
        })(),
      );
    }
    if (step.type === 'webhook') {
      const { endpointId } = step;
      checks.push(
        deps.endpoints.get(workspaceId, endpointId).then((e) =>
          e
            ? []
            : [
                {
                  path: `steps[${i}].endpointId`,
                  message: `no outgoing webhook endpoint ${endpointId} in this workspace`,
                },
              ],
        ),
      );
    }
  });
  return (await Promise.all(checks)).flat();
};

const checkReferences = async (workspaceId: string, doc: JourneyDefinition, deps: JourneyDeps) => {
  const issues = await referenceIssues(workspaceId, doc, deps);
  const first = issues[0];
  if (first) throw new ValidationError(`invalid journey: ${first.path} ${first.message}`, issues);
};

const found = async (workspaceId: string, journeyId: string, deps: JourneyDeps): Promise<Journey> => {
  const journey = await deps.journeys.get(workspaceId, journeyId);
  if (!journey) throw new NotFoundError(`no journey ${journeyId}`);
  return journey;
};

const latest = async (journey: Journey, deps: JourneyDeps): Promise<JourneyVersion> => {
  const version = await deps.journeys.getVersion(journey.workspaceId, journey.id, journey.version);
  if (!version) throw new NotFoundError(`journey ${journey.id} has no version ${journey.version}`);
  return version;
};

/** Runs `write`; a condition failure (another writer moved the journey) is a 409. */
const conditional = async (what: string, write: () => Promise<void>): Promise<void> => {
  try {
    await write();
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError(`${what}: the journey changed meanwhile, read it again`);
    throw error;
  }
};

/**
 * A new draft. `journeyId` is for journeys whose id is known in advance (a ready-made journey's): a
 * journey with that id already in the workspace is a ConflictError, and nothing is written.
 */
export const createJourney = async (
  workspaceId: string,
  doc: JourneyDefinition,
  deps: JourneyDeps,
  journeyId?: string,
): Promise<{ journey: Journey; version: JourneyVersion }> => {
  await checkReferences(workspaceId, doc, deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const journey: Journey = {
    type: 'journey',
    v: 1,
    id: journeyId ?? newJourneyId(now),
    workspaceId,
    name: doc.name,
    status: 'draft',
    version: 1,
    trigger: doc.trigger.type,
    createdAt: at,
    updatedAt: at,
    rev: 0,
  };
  try {
    await deps.journeys.create(journey, doc);
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError(`journey ${journey.id} exists already`);
    throw error;
  }
  return {
    journey,
    version: {
      type: 'journeyVersion',
      v: 1,
      journeyId: journey.id,
      version: 1,
      definition: doc,
      createdAt: at,
    },
  };
};

export const getJourney = async (
  workspaceId: string,
  journeyId: string,
  deps: JourneyDeps,
): Promise<{ journey: Journey; version: JourneyVersion }> => {
  const journey = await found(workspaceId, journeyId, deps);
  return { journey, version: await latest(journey, deps) };
};

export const getJourneyVersion = async (
  workspaceId: string,
  journeyId: string,
  version: number,
  deps: JourneyDeps,
): Promise<JourneyVersion> => {
  const journey = await found(workspaceId, journeyId, deps);
  const stored =
    version <= journey.version ? await deps.journeys.getVersion(workspaceId, journeyId, version) : undefined;
  if (!stored) throw new NotFoundError(`journey ${journeyId} has no version ${version}`);
  return stored;
};

/** A new version of the document; the status stays (a live journey's new runs start on it). */
export const updateJourney = async (
  workspaceId: string,
  journeyId: string,
  doc: JourneyDefinition,
  deps: JourneyDeps,
): Promise<{ journey: Journey; version: JourneyVersion }> => {
  const journey = await found(workspaceId, journeyId, deps);
  if (journey.status === 'archived')
    throw new ConflictError(`journey ${journeyId} is archived: it cannot change`);
  await checkReferences(workspaceId, doc, deps);
  const at = deps.clock.now().toISOString();
  const next: Journey = {
    ...journey,
    name: doc.name,
    version: journey.version + 1,
    trigger: doc.trigger.type,
    updatedAt: at,
    rev: journey.rev + 1,
  };
  await conditional('edit', () =>
    deps.journeys.replace(next, journey, doc, next.status === 'live' ? backfill(next, doc, deps) : undefined),
  );
  return {
    journey: next,
    version: {
      type: 'journeyVersion',
      v: 1,
      journeyId,
      version: next.version,
      definition: doc,
      createdAt: at,
    },
  };
};

/** Start, pause or archive; a journey already where the action leads is answered as it is. */
export const moveJourney = async (
  workspaceId: string,
  journeyId: string,
  action: JourneyAction,
  deps: JourneyDeps,
): Promise<{ journey: Journey; version: JourneyVersion }> => {
  const journey = await found(workspaceId, journeyId, deps);
  const { from, to } = JOURNEY_ACTIONS[action];
  const version = await latest(journey, deps);
  if (journey.status === to) return { journey, version };
  if (!(from as readonly JourneyStatus[]).includes(journey.status))
    throw new ConflictError(`cannot ${action} a journey that is ${journey.status}`);
  // What it names may have gone since it was saved: a live journey must be able to run.
  if (to === 'live') await checkReferences(workspaceId, version.definition, deps);
  const at = deps.clock.now().toISOString();
  const next: Journey = {
    ...journey,
    status: to,
    updatedAt: at,
    ...(to === 'live' ? { liveSince: at } : {}),
    rev: journey.rev + 1,
  };
  await conditional(action, () =>
    deps.journeys.replace(
      next,
      journey,
      undefined,
      to === 'live' ? backfill(next, version.definition, deps) : undefined,
    ),
  );
  return { journey: next, version };
};

/**
 * A journey on a date or inactivity trigger that goes live (or gets a new version while live) needs a
 * trigger timer for every contact already there, not only for those who change from now on.
 */
const backfill = (journey: Journey, doc: JourneyDefinition, deps: JourneyDeps) =>
  doc.trigger.type === 'date' || doc.trigger.type === 'inactivity'
    ? domainEvent(
        'journey.backfill.requested',
        journey.workspaceId,
        { journeyId: journey.id, version: journey.version },
        deps.clock,
      )
    : undefined;

/** Deletes a draft and its versions; a journey that went live is archived instead. */
export const deleteJourney = async (
  workspaceId: string,
  journeyId: string,
  deps: JourneyDeps,
): Promise<void> => {
  const journey = await found(workspaceId, journeyId, deps);
  if (journey.status !== 'draft')
    throw new ConflictError(
      `journey ${journeyId} is ${journey.status}: only a draft can be deleted (archive it)`,
    );
  await conditional('delete', () => deps.journeys.deleteDraft(journey));
};
