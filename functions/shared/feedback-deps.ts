/** Dependencies of the SES feedback loop, the sending status routes and the MQL hand-off. */
import { campaignClaims } from '../../lib/campaigns/send/campaign-claims.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import type { AlertPort } from '../../lib/email/feedback/mql-handoff.ts';
import { sendingStateRepository } from '../../lib/email/feedback/sending-state.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { timelineRepository } from '../../lib/events/timeline.repository.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { contactDeps } from './contact-deps.ts';
import { once, table } from './deps.ts';
import { sendQueue } from './email-api-deps.ts';
import { emailPorts } from './email-deps.ts';
import { logger } from './http-errors.ts';

export const sendingDeps = once(() => ({
  sending: sendingStateRepository(table()),
  counters: countersRepository(table()),
  clock: systemClock,
}));

export const feedbackDeps = once(() => ({
  ...sendingDeps(),
  messages: messagesRepository(table()),
  contacts: contactsRepository(table()),
  campaignClaims: campaignClaims(chunksRepository(table())),
  retentionDays: contactDeps().retentionDays,
}));

/** An alert is one transactional send request to the workspace's address, queued like any email. */
const queuedAlerts: AlertPort = {
  async sendAlert(request) {
    const version = await emailPorts().versions.latest(request.workspaceId, request.templateId);
    if (version === undefined) {
      logger.warn('MQL alert not sent: the workspace has no such template (install the defaults)', {
        workspaceId: request.workspaceId,
        templateId: request.templateId,
      });
      return;
    }
    await sendQueue().enqueue([
      sendRequestSchema.parse({
        workspaceId: request.workspaceId,
        kind: 'transactional',
        origin: 'alert',
        originId: request.templateId,
        template: { templateId: request.templateId, version },
        recipients: [
          { contactId: request.contactId, messageId: request.messageId, to: request.to, data: request.data },
        ],
      }),
    ]);
  },
};

export const handoffDeps = once(() => ({
  workspaces: workspacesRepository(table()),
  contacts: contactsRepository(table()),
  timeline: timelineRepository(table()),
  models: scoringModelsRepository(table()),
  alerts: queuedAlerts,
  clock: systemClock,
}));
