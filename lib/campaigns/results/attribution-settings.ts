/** A workspace's attribution settings (its email settings' `attribution`, defaults filled in). */
import { settingsOf } from '../../subscriptions/email-settings.ts';
import type { AttributionSettings } from '../../workspaces/email-settings.schema.ts';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository.ts';

export const attributionSettings =
  (workspaces: Pick<WorkspacesRepository, 'get'>) =>
  async (workspaceId: string): Promise<AttributionSettings | undefined> => {
    const workspace = await workspaces.get(workspaceId);
    return workspace ? settingsOf(workspace).attribution : undefined;
  };
