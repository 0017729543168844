/**
 * Delete a workspace with all its data (a brand leaving a shared deployment), for the deployment's
 * admin. First it stops the workspace at once: marked `deletingSince`, every API key revoked, every
 * storefront connection removed (its webhooks answer 401 from then on). Then it sweeps every item
 * under the workspace's key prefix with a resumable parallel scan (see the repository), and removes
 * the workspace item last, so a workspace that still exists is one whose deletion has not finished.
 * Running it again resumes an interrupted run, or reports a finished one.
 */
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { keys } from '../shared/keys.ts';
import type { ConnectionsRepository } from '../webhooks/connections.repository.ts';
import type {
  SegmentProgress,
  WorkspaceDeletion,
  WorkspaceDeletionRepository,
} from './workspace-deletion.repository.ts';
import type { WorkspacesRepository } from './workspaces.repository.ts';

export interface DeleteWorkspaceDeps {
  readonly workspaces: WorkspacesRepository;
  readonly connections: ConnectionsRepository;
  readonly deletion: WorkspaceDeletionRepository;
  readonly clock: Clock;
}

export interface DeletionProgress {
  readonly workspaceId: string;
  readonly segmentsDone: number;
  readonly segments: number;
  /** Items of the whole table read so far (the scan's cost), and the workspace's items deleted. */
  readonly scanned: number;
  readonly deleted: number;
}

export interface DeleteWorkspaceOptions {
  /** Parallel scan segments of a new run (a resumed run keeps its own). Default 4. */
  readonly segments?: number;
  /** Items read per scan page. Default 1000. */
  readonly pageSize?: number;
  /**
   * Sweep again although an earlier run finished (for items that events in flight at the time
   * wrote after their partition was swept). Costs another full scan.
   */
  readonly again?: boolean;
  /** Called after every checkpoint. */
  readonly onProgress?: (progress: DeletionProgress) => void | Promise<void>;
}

export interface DeletionSummary extends DeletionProgress {
  readonly status: 'deleted' | 'already deleted';
  readonly startedAt: string;
  readonly finishedAt?: string;
}

const totals = (workspaceId: string, segments: readonly SegmentProgress[]): DeletionProgress => ({
  workspaceId,
  segmentsDone: segments.filter((s) => s.done).length,
  segments: segments.length,
  scanned: segments.reduce((n, s) => n + s.scanned, 0),
  deleted: segments.reduce((n, s) => n + s.deleted, 0),
});

/** Stop the workspace now: no key authenticates, no webhook is accepted. */
const stopWorkspace = async (workspaceId: string, at: string, deps: DeleteWorkspaceDeps) => {
  await deps.workspaces.markDeleting(workspaceId, at);
  for (const key of await deps.workspaces.listKeys(workspaceId)) {
    if (!key.revokedAt) await deps.workspaces.revokeKey(workspaceId, key.id, at);
  }
  for (const connection of await deps.connections.list(workspaceId)) {
    try {
      await deps.connections.remove(workspaceId, connection.id);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
};

export const deleteWorkspace = async (
  workspaceId: string,
  deps: DeleteWorkspaceDeps,
  options: DeleteWorkspaceOptions = {},
): Promise<DeletionSummary> => {
  const now = () => deps.clock.now().toISOString();
  const workspace = await deps.workspaces.get(workspaceId);
  let run = await deps.deletion.get(workspaceId);
  if (!workspace && (!run || (run.status === 'done' && !options.again))) {
    if (!run) throw new NotFoundError(`no workspace ${workspaceId}`);
    return {
      ...totals(workspaceId, run.segments),
      status: 'already deleted',
      startedAt: run.startedAt,
      ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    };
  }
  if (!run || run.status === 'done') {
    // A new run (or the id was created again after an earlier deletion).
    const fresh: WorkspaceDeletion = {
      type: 'workspaceDeletion',
      v: 1,
      workspaceId,
      startedAt: now(),
      status: 'running',
      segments: Array.from({ length: Math.max(1, options.segments ?? 4) }, () => ({
        done: false,
        scanned: 0,
        deleted: 0,
      })),
    };
    await deps.deletion.start(fresh);
    run = fresh;
  }
  if (workspace) await stopWorkspace(workspaceId, now(), deps);

  const progress = [...run.segments];
  const workspaceKey = keys.workspace(workspaceId);
  // One failing segment stops the others at their next page, and the run ends only when all have
  // stopped: nothing keeps deleting behind a run that reported failure.
  let failed = false;
  const sweep = async (segment: number) => {
    let at = progress[segment];
    while (at && !at.done && !failed) {
      const page = await deps.deletion.scanPage(
        workspaceId,
        segment,
        progress.length,
        options.pageSize ?? 1000,
        at.next,
      );
      // The workspace item goes last, once everything else is gone.
      const doomed = page.keys.filter((k) => !(k.pk === workspaceKey.pk && k.sk === workspaceKey.sk));
      await deps.deletion.deleteKeys(doomed);
      at = {
        ...(page.next ? { next: page.next } : {}),
        done: page.next === undefined,
        scanned: at.scanned + page.scanned,
        deleted: at.deleted + doomed.length,
      };
      await deps.deletion.checkpoint(workspaceId, segment, at);
      progress[segment] = at;
      await options.onProgress?.(totals(workspaceId, progress));
    }
  };
  const outcomes = await Promise.allSettled(
    progress.map((_, segment) =>
      sweep(segment).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;

  await deps.deletion.deleteKeys([workspaceKey]);
  const finishedAt = now();
  await deps.deletion.finish(workspaceId, finishedAt);
  const done = totals(workspaceId, progress);
  return {
    ...done,
    deleted: done.deleted + (workspace ? 1 : 0),
    status: 'deleted',
    startedAt: run.startedAt,
    finishedAt,
  };
};
