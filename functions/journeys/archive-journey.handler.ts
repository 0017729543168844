import { archiveJourneyRoute } from './journey.routes.ts';
import { journeyActionHandler } from './journey-action.ts';

export const handler = journeyActionHandler(archiveJourneyRoute, 'archive');
