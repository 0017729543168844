import { pauseJourneyRoute } from './journey.routes.ts';
import { journeyActionHandler } from './journey-action.ts';

export const handler = journeyActionHandler(pauseJourneyRoute, 'pause');
