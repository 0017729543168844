import { describe, expect, it } from 'vitest';
import {
  type ConfirmationSendRequest,
  confirmationSender,
  MissingConfirmationTemplateError,
} from '../../lib/subscriptions/confirmation-sender.ts';

const request = {
  workspaceId: 'ws_doi',
  contactId: 'c_01jabcdefghjkmnpqrstvwxyz0',
  messageId: 'm_01jabcdefghjkmnpqrstvwxyz0',
  confirmUrl: 'https://x.example/c/abc.def',
};

describe('confirmation sender', () => {
  it('queues one transactional double-opt-in send at the latest version, under the chosen message id', async () => {
    const queued: ConfirmationSendRequest[] = [];
    const port = confirmationSender({
      latestVersion: async (ws, id) => (ws === 'ws_doi' && id === 'double-opt-in' ? 3 : undefined),
      enqueue: async (r) => void queued.push(r),
    });
    await port.send(request);
    expect(queued).toEqual([
      {
        workspaceId: 'ws_doi',
        kind: 'transactional',
        origin: 'confirmation',
        originId: 'double-opt-in',
        template: { templateId: 'double-opt-in', version: 3 },
        recipients: [
          {
            contactId: request.contactId,
            messageId: request.messageId,
            data: { confirm_url: request.confirmUrl },
          },
        ],
      },
    ]);
  });

  it('says so clearly when the workspace has no confirmation template, and queues nothing', async () => {
    const queued: unknown[] = [];
    const port = confirmationSender({
      latestVersion: async () => undefined,
      enqueue: async (r) => void queued.push(r),
    });
    await expect(port.send(request)).rejects.toThrow(MissingConfirmationTemplateError);
    expect(queued).toEqual([]);
  });
});
