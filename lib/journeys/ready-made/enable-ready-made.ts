/**
 * Switching a ready-made journey on in a workspace, in one call: the shipped templates it needs are
 * installed when missing (through the same install as `POST /v1/templates/defaults`: a template the
 * workspace has, edited or not, is kept), the journey is created in the workspace's default locale
 * with the options given, and put live.
 *
 * Idempotent, also under concurrent calls: each ready-made journey has one id per workspace
 * (`readyMadeJourneyId`), created only if absent, so of two calls at once one creates it (`created`)
 * and the other finds it; both then see it live. A second call changes nothing else (its options
 * included: edit the journey to change them); a journey paused since is put live again; an archived
 * one stays archived (409): archiving is for good.
 */
import type { ScoringModelsRepository } from '../../scoring/scoring-models.repository.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { derivedId } from '../../shared/ids.ts';
import type { TemplateCompiler } from '../../templates/compile-template.ts';
import { installDefaults } from '../../templates/install-defaults.ts';
import type { TemplateDeps } from '../../templates/manage-templates.ts';
import { DEFAULT_EMAIL_SETTINGS, type ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository.ts';
import type { Journey, JourneyVersion } from '../journey.schema.ts';
import { createJourney, getJourney, type JourneyDeps, moveJourney } from '../manage-journeys.ts';
import { READY_MADE, readyMadeNamed } from './index.ts';
import type { ReadyMade } from './ready-made.ts';

export interface ReadyMadeDeps extends JourneyDeps {
  readonly templates: TemplateDeps['templates'];
  readonly compiler: TemplateCompiler;
  readonly workspaces: Pick<WorkspacesRepository, 'get'>;
  readonly models: Pick<ScoringModelsRepository, 'get'>;
}

/**
 * The id of a ready-made journey in any workspace: a journey id (`jrn_` and 26 characters) whose time
 * part is the epoch (`jrn_000000000…`) and whose rest comes from the name, so it never meets an id
 * made by `newJourneyId`, and every call for one name in one workspace names the same journey.
 */
export const readyMadeJourneyId = (name: string): string =>
  derivedId('jrn', new Date(0), `ready-made/${name}`);

export const readyMadeOrThrow = (name: string): ReadyMade => {
  const found = readyMadeNamed(name);
  if (!found)
    throw new NotFoundError(
      `no ready-made journey ${name}: one of ${READY_MADE.map((r) => r.name).join(', ')}`,
    );
  return found;
};

/** The locale a workspace's ready-made journeys are named in: its default locale. */
export const workspaceLocale = async (
  workspaceId: string,
  deps: Pick<ReadyMadeDeps, 'workspaces'>,
): Promise<ShippedLocale> =>
  (await deps.workspaces.get(workspaceId))?.settings.email?.defaultLocale ??
  DEFAULT_EMAIL_SETTINGS.defaultLocale;

/** A journey on stages the workspace's lifecycle does not have would never start: refused, by option. */
const checkStages = async (
  workspaceId: string,
  readyMade: ReadyMade,
  options: unknown,
  deps: ReadyMadeDeps,
) => {
  const named = readyMade.stages(options);
  if (named.length === 0) return;
  const { stages } = (await deps.models.get(workspaceId)).lifecycle;
  const issues = named
    .filter((n) => !stages.includes(n.stage))
    .map((n) => ({
      path: n.option,
      message: `${n.stage} is not a stage of the workspace's lifecycle (${stages.join(', ')})`,
    }));
  const first = issues[0];
  if (first) throw new ValidationError(`invalid ${first.path}: ${first.message}`, issues);
};

/** Each missing template installed (once, even when a concurrent call installs it too). */
const installMissing = async (workspaceId: string, templates: readonly string[], deps: ReadyMadeDeps) => {
  const missing: string[] = [];
  for (const templateId of templates)
    if (!(await deps.templates.get(workspaceId, templateId))) missing.push(templateId);
  if (missing.length > 0) await installDefaults(workspaceId, { only: missing }, deps);
};

/** Live, whatever another call is doing: a start that loses a race reads the journey again. */
const live = async (
  workspaceId: string,
  journeyId: string,
  deps: ReadyMadeDeps,
): Promise<{ journey: Journey; version: JourneyVersion }> => {
  for (let attempt = 1; ; attempt++) {
    const current = await getJourney(workspaceId, journeyId, deps);
    if (current.journey.status === 'live') return current;
    if (current.journey.status === 'archived')
      throw new ConflictError(
        `the ready-made journey ${journeyId} was archived, for good: save a copy of its document as a new journey instead`,
      );
    try {
      return await moveJourney(workspaceId, journeyId, 'start', deps);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
};

export const enableReadyMade = async (
  workspaceId: string,
  name: string,
  options: unknown,
  deps: ReadyMadeDeps,
): Promise<{ journey: Journey; version: JourneyVersion; created: boolean }> => {
  const readyMade = readyMadeOrThrow(name);
  // Options are checked before anything is written, on every call.
  const definition = readyMade.document(options, await workspaceLocale(workspaceId, deps));
  await checkStages(workspaceId, readyMade, options, deps);
  const journeyId = readyMadeJourneyId(name);
  const existing = await deps.journeys.get(workspaceId, journeyId);
  // A journey to put live needs its templates (one may have been deleted since it was created).
  if (existing?.status !== 'live' && existing?.status !== 'archived')
    await installMissing(workspaceId, readyMade.templates, deps);
  let created = false;
  if (!existing) {
    try {
      await createJourney(workspaceId, definition, deps, journeyId);
      created = true;
    } catch (error) {
      // Created by a concurrent call since it was read.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { ...(await live(workspaceId, journeyId, deps)), created };
};
