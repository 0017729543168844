import { journeyReport } from '../../lib/journeys/journey-report.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { reportDeps } from '../shared/journey-deps.ts';
import { journeyReportRoute } from './journey.routes.ts';

export const handler = httpHandler(journeyReportRoute, async ({ principal, params }) =>
  ok(await journeyReport(principal.workspaceId, params.journeyId, reportDeps())),
);
