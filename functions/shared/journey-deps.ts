/** Dependencies of the journeys API. */
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import type { JourneyDeps } from '../../lib/journeys/manage-journeys.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { once, table } from './deps.ts';

export const journeyDeps = once(
  (): JourneyDeps => ({
    journeys: journeysRepository(table()),
    segments: segmentsRepository(table()),
    templates: templatesRepository(table()),
    clock: systemClock,
  }),
);
