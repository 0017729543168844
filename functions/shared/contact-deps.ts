/**
 * The contact use cases' dependencies (repositories, the workspace's retention setting), apart from
 * deps.ts so that functions that never touch a contact (the track API) do not load the contact model.
 */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { receivedEventsRepository } from '../../lib/events/received-events.repository.ts';
import { timelineRepository } from '../../lib/events/timeline.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';

const RETENTION_CACHE_MS = 5 * 60 * 1000;
const retention = new Map<string, { days: number; until: number }>();

export const contactDeps = once(() => {
  const t = table();
  const workspaces = workspacesRepository(t);
  return {
    table: t,
    contacts: contactsRepository(t),
    timeline: timelineRepository(t),
    received: receivedEventsRepository(t),
    workspaces,
    clock: systemClock,
    /** Workspace retention setting, cached briefly: it changes rarely and is read per event. */
    retentionDays: async (workspaceId: string): Promise<number> => {
      const hit = retention.get(workspaceId);
      if (hit && hit.until > Date.now()) return hit.days;
      const days = (await workspaces.get(workspaceId))?.settings.timelineRetentionDays ?? 400;
      retention.set(workspaceId, { days, until: Date.now() + RETENTION_CACHE_MS });
      return days;
    },
  };
});
