/**
 * A workspace's journeys as the engine reads them: which are live (with their latest document, for
 * triggers) and whether the workspace has any journey that can have runs at all (anything but drafts),
 * so a workspace without journeys costs the engine one small query per bus delivery and nothing more.
 * The list is read afresh for each delivery (half a read unit: a journey started a moment ago admits
 * the very next event); versions never change once written, so they are cached for good.
 */
import type { Journey, JourneyVersion } from './journey.schema.ts';
import type { JourneyDefinition } from './journey-definition.schema.ts';
import type { JourneysRepository } from './journeys.repository.ts';

const PAGE = 100;
const VERSIONS_KEPT = 1_000;

export interface LiveJourney {
  readonly journey: Journey;
  readonly definition: JourneyDefinition;
}

export interface JourneysOfWorkspace {
  /** Some journey is live, paused or archived: runs may exist. */
  readonly any: boolean;
  readonly live: readonly LiveJourney[];
}

export interface WorkspaceJourneys {
  of(workspaceId: string): Promise<JourneysOfWorkspace>;
  version(workspaceId: string, journeyId: string, version: number): Promise<JourneyVersion | undefined>;
}

export const workspaceJourneys = (
  repo: Pick<JourneysRepository, 'list' | 'getVersion'>,
): WorkspaceJourneys => {
  const versions = new Map<string, JourneyVersion>();

  const version = async (workspaceId: string, journeyId: string, n: number) => {
    const key = `${workspaceId}/${journeyId}/${n}`;
    const known = versions.get(key);
    if (known) return known;
    const found = await repo.getVersion(workspaceId, journeyId, n);
    if (found) {
      if (versions.size >= VERSIONS_KEPT) versions.clear();
      versions.set(key, found);
    }
    return found;
  };

  const load = async (workspaceId: string): Promise<JourneysOfWorkspace> => {
    const all: Journey[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo.list(workspaceId, { limit: PAGE, cursor });
      all.push(...page.journeys);
      cursor = page.next;
    } while (cursor);
    const live = await Promise.all(
      all
        .filter((j) => j.status === 'live')
        .map(async (journey) => {
          const v = await version(workspaceId, journey.id, journey.version);
          return v ? [{ journey, definition: v.definition }] : [];
        }),
    );
    return { any: all.some((j) => j.status !== 'draft'), live: live.flat() };
  };

  return {
    of: load,
    version,
  };
};
