/** Dependencies of the SES feedback loop, the sending status routes and the MQL hand-off. */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import type { AlertPort } from '../../lib/email/feedback/mql-handoff.ts';
import { sendingStateRepository } from '../../lib/email/feedback/sending-state.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { messagesRepository } from '../../lib/email/history/messages.repository.ts';
import { timelineRepository } from '../../lib/events/timeline.repository.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { once, table } from './deps.ts';
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
}));

/**
 * Until the send path takes alerts to an address that is no contact, the MQL alert is only logged:
 * the lead wires `sendAlert` to the send queue here.
 */
const unwiredAlerts: AlertPort = {
  async sendAlert(request) {
    logger.warn('MQL alert not sent: the send path is not wired to alerts yet', {
      workspaceId: request.workspaceId,
      contactId: request.contactId,
      messageId: request.messageId,
    });
  },
};

export const handoffDeps = once(() => ({
  workspaces: workspacesRepository(table()),
  contacts: contactsRepository(table()),
  timeline: timelineRepository(table()),
  models: scoringModelsRepository(table()),
  alerts: unwiredAlerts,
  clock: systemClock,
}));
