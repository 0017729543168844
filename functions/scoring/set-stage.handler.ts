import { randomUUID } from 'node:crypto';
import { scoreContact } from '../../lib/scoring/score-contact.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';
import { setStageRoute } from './scoring.routes.ts';

export const handler = httpHandler(setStageRoute, async ({ principal, params, body }) =>
  ok({
    outcome: await scoreContact(
      principal.workspaceId,
      params.contactId,
      { kind: 'stage', id: body.id ?? randomUUID(), stage: body.stage },
      scoringDeps(),
    ),
  }),
);
