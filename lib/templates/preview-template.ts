/**
 * Preview: a template version rendered for one contact by the very code the send path runs
 * (`loadVersion(...).render`), with the workspace's settings and, where the subscription capability
 * is wired, the contact's real signed links. Without it the links are placeholders, marked as such.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { RecipientLinks, RenderedEmail, SubscriptionPort } from '../email/ports.ts';
import { NotFoundError } from '../shared/errors.ts';
import {
  DEFAULT_EMAIL_SETTINGS,
  type EmailSettings,
  type ShippedLocale,
} from '../workspaces/email-settings.schema.ts';
import type { Workspace } from '../workspaces/workspace.schema.ts';
import { getTemplateVersion } from './manage-templates.ts';
import { loadVersion } from './render.ts';
import type { TemplatesRepository } from './templates.repository.ts';

/** The links a preview shows when no SubscriptionPort is wired: visibly not real. */
export const PLACEHOLDER_LINKS: RecipientLinks = {
  unsubscribeUrl: 'https://example.invalid/preview-placeholder/unsubscribe',
  oneClickUrl: 'https://example.invalid/preview-placeholder/one-click',
  preferencesUrl: 'https://example.invalid/preview-placeholder/preferences',
};

export interface PreviewDeps {
  readonly templates: Pick<TemplatesRepository, 'get' | 'getVersion'>;
  readonly contacts: { get(workspaceId: string, contactId: string): Promise<Contact | undefined> };
  readonly workspaces: { get(workspaceId: string): Promise<Workspace | undefined> };
  readonly links?: Pick<SubscriptionPort, 'links'> | undefined;
}

export interface PreviewRequest {
  readonly contactId: string;
  /** Renders as if the contact's locale were this one (the fallback chain still applies). */
  readonly locale?: ShippedLocale | undefined;
  readonly data?: Readonly<Record<string, unknown>> | undefined;
  readonly version?: number | undefined;
}

export type PreviewOutcome =
  | {
      readonly ok: true;
      readonly version: number;
      readonly links: 'signed' | 'placeholders';
      readonly email: RenderedEmail;
    }
  | { readonly ok: false; readonly version: number; readonly reason: string };

export const previewTemplate = async (
  workspaceId: string,
  templateId: string,
  request: PreviewRequest,
  deps: PreviewDeps,
): Promise<PreviewOutcome> => {
  const version = await getTemplateVersion(workspaceId, templateId, request.version, deps);
  const [contact, workspace] = await Promise.all([
    deps.contacts.get(workspaceId, request.contactId),
    deps.workspaces.get(workspaceId),
  ]);
  if (!contact) throw new NotFoundError(`no contact ${request.contactId}`);
  const settings: EmailSettings = workspace?.settings.email ?? DEFAULT_EMAIL_SETTINGS;
  const loaded = loadVersion(version);
  const links =
    loaded.kind === 'marketing'
      ? deps.links
        ? await deps.links.links(workspaceId, contact.id, loaded.topic)
        : PLACEHOLDER_LINKS
      : undefined;
  const outcome = loaded.render({
    contact: request.locale ? { ...contact, locale: request.locale } : contact,
    settings,
    workspaceName: workspace?.name ?? workspaceId,
    links,
    data: request.data,
  });
  if (!outcome.ok) return { ok: false, version: version.version, reason: outcome.reason };
  return {
    ok: true,
    version: version.version,
    links: deps.links ? 'signed' : 'placeholders',
    email: outcome.email,
  };
};
