/**
 * Dependencies of the template functions. The MJML compiler is not here: only the functions that save
 * templates import it (functions/templates/save-template.handler.ts, install-defaults.handler.ts), so
 * nothing else bundles it.
 */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';

export const templateDeps = once(() => ({ templates: templatesRepository(table()), clock: systemClock }));

/** Preview reads the contact and the workspace's email settings besides the template. */
export const previewDeps = once(() => ({
  ...templateDeps(),
  contacts: contactsRepository(table()),
  workspaces: workspacesRepository(table()),
}));
