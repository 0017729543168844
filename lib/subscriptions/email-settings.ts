/** A workspace's email settings: read with their defaults, replaced whole (validated by their schema). */
import { NotFoundError } from '../shared/errors.ts';
import {
  DEFAULT_EMAIL_SETTINGS,
  type EmailSettings,
  emailSettingsSchema,
} from '../workspaces/email-settings.schema.ts';
import type { Workspace } from '../workspaces/workspace.schema.ts';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository.ts';

export const settingsOf = (workspace: Workspace): EmailSettings =>
  workspace.settings.email ?? DEFAULT_EMAIL_SETTINGS;

export const readEmailSettings = async (
  workspaceId: string,
  deps: { workspaces: WorkspacesRepository },
): Promise<EmailSettings> => {
  const workspace = await deps.workspaces.get(workspaceId);
  if (!workspace) throw new NotFoundError('no such workspace');
  return settingsOf(workspace);
};

/** Replace the settings; what is left out takes its default (the schema fills it in). */
export const putEmailSettings = async (
  workspaceId: string,
  input: unknown,
  deps: { workspaces: WorkspacesRepository },
): Promise<EmailSettings> => {
  const settings = emailSettingsSchema.parse(input);
  await deps.workspaces.setEmailSettings(workspaceId, settings);
  return settings;
};
