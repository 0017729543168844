/**
 * Preview reads the contact and the workspace's email settings besides the template, and signs the
 * contact's links as the send path does (the link key: KMS, `PUBLIC_URL`). Apart from template-deps.ts
 * so the other template functions do not bundle the KMS client.
 */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import type { PreviewDeps } from '../../lib/templates/preview-template.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';
import { previewLinkPort } from './subscription-deps.ts';
import { templateDeps } from './template-deps.ts';

export const previewDeps = once(
  (): PreviewDeps => ({
    ...templateDeps(),
    contacts: contactsRepository(table()),
    workspaces: workspacesRepository(table()),
    links: previewLinkPort(),
  }),
);
