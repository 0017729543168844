/** The send path's views of contacts and workspaces, over their repositories. */
import type { ContactsRepository } from '../../contacts/contacts.repository.ts';
import { keys } from '../../shared/keys.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../workspaces/email-settings.schema.ts';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository.ts';
import type { ContactReader, WorkspaceReader } from './ports.ts';

export const contactReader = (contacts: Pick<ContactsRepository, 'getMany'>): ContactReader => ({
  getMany: (ws, ids) => contacts.getMany(ids.map((id) => keys.contact(ws, id))),
});

export const workspaceReader = (workspaces: Pick<WorkspacesRepository, 'get'>): WorkspaceReader => ({
  async get(ws) {
    const workspace = await workspaces.get(ws);
    if (!workspace) return undefined;
    return {
      name: workspace.name,
      retentionDays: workspace.settings.timelineRetentionDays,
      settings: workspace.settings.email ?? DEFAULT_EMAIL_SETTINGS,
      deleting: workspace.deletingSince !== undefined,
    };
  },
});
