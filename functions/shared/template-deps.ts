/**
 * Dependencies of the template functions. The MJML compiler is not here: only the functions that save
 * templates import it (functions/templates/save-template.handler.ts, install-defaults.handler.ts), so
 * nothing else bundles it. Preview's deps are in template-preview-deps.ts (they sign links: KMS).
 */
import { systemClock } from '../../lib/shared/clock.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { once, table } from './deps.ts';

export const templateDeps = once(() => ({ templates: templatesRepository(table()), clock: systemClock }));
