/**
 * The ConfirmationPort over the send path: one transactional send request (template `double-opt-in`,
 * latest version, origin `confirmation`) whose `data.confirm_url` is the signed link, queued under the
 * message id the subscribe chose, so the send path sends it at most once.
 */
import type { ConfirmationPort } from './request-confirmation.ts';

export const DOUBLE_OPT_IN_TEMPLATE = 'double-opt-in';

/** What the send queue takes (the send path's send request), for one confirmation. */
export interface ConfirmationSendRequest {
  readonly workspaceId: string;
  readonly kind: 'transactional';
  readonly origin: 'confirmation';
  readonly originId: string;
  readonly template: { readonly templateId: string; readonly version: number };
  readonly recipients: readonly [
    {
      readonly contactId: string;
      readonly messageId: string;
      readonly data: { readonly confirm_url: string };
    },
  ];
}

export interface ConfirmationSenderDeps {
  /** The latest version of a workspace's template (lib/templates), undefined when it has none. */
  latestVersion(workspaceId: string, templateId: string): Promise<number | undefined>;
  /** Put one send request on the send queue (lib/email/send). */
  enqueue(request: ConfirmationSendRequest): Promise<void>;
}

/** The workspace has no `double-opt-in` template: no retry can send it (install the defaults). */
export class MissingConfirmationTemplateError extends Error {
  override readonly name = 'MissingConfirmationTemplateError';
}

export const confirmationSender = (deps: ConfirmationSenderDeps): ConfirmationPort => ({
  async send({ workspaceId, contactId, messageId, confirmUrl }) {
    const version = await deps.latestVersion(workspaceId, DOUBLE_OPT_IN_TEMPLATE);
    if (version === undefined)
      throw new MissingConfirmationTemplateError(
        `workspace ${workspaceId} has no ${DOUBLE_OPT_IN_TEMPLATE} template: install the defaults (POST /v1/templates/defaults)`,
      );
    await deps.enqueue({
      workspaceId,
      kind: 'transactional',
      origin: 'confirmation',
      originId: DOUBLE_OPT_IN_TEMPLATE,
      template: { templateId: DOUBLE_OPT_IN_TEMPLATE, version },
      recipients: [{ contactId, messageId, data: { confirm_url: confirmUrl } }],
    });
  },
});
