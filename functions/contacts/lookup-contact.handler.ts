import { toView } from '../../lib/contacts/contact.schema.ts';
import { findContact } from '../../lib/contacts/read-contacts.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { lookupContactRoute } from './contact.routes.ts';

export const handler = httpHandler(lookupContactRoute, async ({ principal, query }) =>
  ok(toView(await findContact(principal.workspaceId, query, contactDeps()))),
);
