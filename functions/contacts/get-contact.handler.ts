import { toView } from '../../lib/contacts/contact.schema.ts';
import { getContact } from '../../lib/contacts/read-contacts.ts';
import { scoreBreakdown } from '../../lib/scoring/score-state.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { once, table } from '../shared/deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { getContactRoute } from './contact.routes.ts';

const models = once(() => scoringModelsRepository(table()));

export const handler = httpHandler(getContactRoute, async ({ principal, params, query }) => {
  const deps = contactDeps();
  const contact = await getContact(principal.workspaceId, params.contactId, deps);
  if (query.include !== 'scoreBreakdown') return ok(toView(contact));
  const model = await models().get(principal.workspaceId);
  return ok(toView(contact, scoreBreakdown(contact.score, model, deps.clock.now())));
});
