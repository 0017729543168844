/** The oldest instant a workspace still keeps timeline entries from (its `timelineRetentionDays`), ISO. */
import type { TimelineDeps } from './deps.ts';

const DAY_MS = 86_400_000;

export const retainedSince = async (
  workspaceId: string,
  deps: Pick<TimelineDeps, 'clock' | 'retentionDays'>,
): Promise<string> =>
  new Date(deps.clock.now().getTime() - (await deps.retentionDays(workspaceId)) * DAY_MS).toISOString();
