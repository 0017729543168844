/** Dependencies of the journeys API. */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import type { DryRunDeps } from '../../lib/journeys/dry-run-journey.ts';
import { journeyCountersRepository } from '../../lib/journeys/journey-counters.repository.ts';
import type { ReportDeps } from '../../lib/journeys/journey-report.ts';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import type { JourneyDeps } from '../../lib/journeys/manage-journeys.ts';
import type { ReadyMadeDeps } from '../../lib/journeys/ready-made/enable-ready-made.ts';
import { endpointsRepository } from '../../lib/outgoing-webhooks/endpoints.repository.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
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
    endpoints: endpointsRepository(table()),
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

/**
 * Switching ready-made journeys on. Without the MJML compiler: only the handler that installs
 * templates imports it (functions/journeys/enable-ready-made-journey.handler.ts).
 */
export const readyMadeDeps = once(
  (): Omit<ReadyMadeDeps, 'compiler'> => ({
    journeys: journeysRepository(table()),
    segments: segmentsRepository(table()),
    templates: templatesRepository(table()),
    workspaces: workspacesRepository(table()),
    models: scoringModelsRepository(table()),
    endpoints: endpointsRepository(table()),
    clock: systemClock,
  }),
);

export const reportDeps = once(
  (): ReportDeps => ({
    journeys: journeysRepository(table()),
    counters: journeyCountersRepository(table()),
    emails: countersRepository(table()),
  }),
);
