/**
 * Preview: a template version rendered for one contact by the very code the send path runs
 * (`loadVersion(...).render`), with the workspace's settings and the contact's real signed links,
 * signed by the send path's own SubscriptionPort (`links(ws, contact, topic)`, without a message id:
 * a preview is no message, so an unsubscribe through it is counted on none) and, for the template the
 * double opt-in confirmation sends, the contact's confirmation link as its sender builds it. Without
 * those ports (a caller that signs nothing) the links are placeholders under `example.invalid`,
 * marked as such in the answer.
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
export const PLACEHOLDER_CONFIRM_URL = 'https://example.invalid/preview-placeholder/confirm';

/** The links of one contact, signed as the send path signs them (lib/subscriptions). */
export interface PreviewLinkPort extends Pick<SubscriptionPort, 'links'> {
  /**
   * The `confirm_url` a send of this template gives this contact, if the send path gives one (only the
   * double opt-in confirmation does): undefined for every other template.
   */
  confirmUrl(workspaceId: string, templateId: string, contactId: string): Promise<string | undefined>;
}

export interface PreviewDeps {
  readonly templates: Pick<TemplatesRepository, 'get' | 'getVersion'>;
  readonly contacts: { get(workspaceId: string, contactId: string): Promise<Contact | undefined> };
  readonly workspaces: { get(workspaceId: string): Promise<Workspace | undefined> };
  /** Absent: placeholders (`links: "placeholders"` in the answer). */
  readonly links?: PreviewLinkPort | undefined;
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
  const [links, confirmUrl] = await Promise.all([
    loaded.kind === 'marketing'
      ? (deps.links?.links(workspaceId, contact.id, loaded.topic) ?? PLACEHOLDER_LINKS)
      : undefined,
    request.data?.confirm_url === undefined
      ? (deps.links?.confirmUrl(workspaceId, templateId, contact.id) ?? PLACEHOLDER_CONFIRM_URL)
      : undefined,
  ]);
  const outcome = loaded.render({
    contact: request.locale ? { ...contact, locale: request.locale } : contact,
    settings,
    workspaceName: workspace?.name ?? workspaceId,
    links,
    data: confirmUrl === undefined ? request.data : { ...request.data, confirm_url: confirmUrl },
  });
  if (!outcome.ok) return { ok: false, version: version.version, reason: outcome.reason };
  return {
    ok: true,
    version: version.version,
    links: deps.links ? 'signed' : 'placeholders',
    email: outcome.email,
  };
};
