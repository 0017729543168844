import { toView } from '../../lib/contacts/contact.schema.ts';
import { setConsent } from '../../lib/contacts/set-consent.ts';
import { contactDeps } from '../shared/contact-deps.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { setConsentRoute } from './contact.routes.ts';

export const handler = httpHandler(setConsentRoute, async ({ principal, params, body }) => {
  const contact = await setConsent(
    principal.workspaceId,
    params.contactId,
    { channel: params.channel, ...body },
    contactDeps(),
  );
  return ok(toView(contact));
});
