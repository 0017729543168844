/** Dependencies of the journeys API. */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import type { DryRunDeps } from '../../lib/journeys/dry-run-journey.ts';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import type { JourneyDeps } from '../../lib/journeys/manage-journeys.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';

export const journeyDeps = once(
  (): JourneyDeps => ({
    journeys: journeysRepository(table()),
    segments: segmentsRepository(table()),
    templates: templatesRepository(table()),
    clock: systemClock,
  }),
);

export const dryRunDeps = once(
  (): DryRunDeps => ({
    journeys: journeysRepository(table()),
    contacts: contactsRepository(table()),
    workspaces: workspacesRepository(table()),
    clock: systemClock,
  }),
);
