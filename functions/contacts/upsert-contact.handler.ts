import { toView } from '../../lib/contacts/contact.schema.ts';
import { identifyContact } from '../../lib/contacts/identify-contact.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { upsertContactRoute } from './contact.routes.ts';

export const handler = httpHandler(upsertContactRoute, async ({ principal, body }) => {
  const result = await identifyContact(principal.workspaceId, body, 'api', contactDeps());
  return {
    status: result.created ? 201 : 200,
    body: { contact: toView(result.contact), created: result.created, changed: result.changed },
  };
});
