/**
 * Dependencies of the send path, built once per cold start. The ports of the other email capabilities
 * (templates, subscriptions, sender domains, the feedback loop's pause) are wired in `emailPorts`:
 * until their implementations are on main they are placeholders that fail loudly, so nothing sends
 * half-checked. Switching one is a one-line change there.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import type { PausePort, SenderPort, SubscriptionPort, TemplatePort } from '../../lib/email/ports.ts';
import type { TemplateVersions } from '../../lib/email/send/enqueue-email.ts';
import { messagesRepository } from '../../lib/email/send/messages.repository.ts';
import { SENDING_HALTED_METRIC } from '../../lib/email/send/metrics.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import type { SendDeps } from '../../lib/email/send/send-batch.ts';
import { sendLimits } from '../../lib/email/send/send-limits.ts';
import { SEND_QUEUE } from '../../lib/email/send/send-queue.ts';
import { sendingHaltRepository } from '../../lib/email/send/sending-halt.repository.ts';
import { sesAccountQuota } from '../../lib/email/send/ses-account.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { logger } from './logger.ts';

class UnwiredPortError extends Error {}
const unwired = (port: string, owner: string): never => {
  throw new UnwiredPortError(`${port} is not wired yet (${owner}): see functions/shared/email-deps.ts`);
};

/** The other capabilities' ports. Replace each placeholder with its implementation once it is on main. */
export const emailPorts = once(
  (): {
    templates: TemplatePort;
    versions: TemplateVersions;
    subscriptions: SubscriptionPort;
    senders: SenderPort;
    pauses: PausePort;
  } => ({
    templates: { load: async () => unwired('TemplatePort', 'lib/templates/template-port.ts') },
    versions: { latest: async () => unwired('TemplateVersions', 'lib/templates') },
    subscriptions: {
      eligibility: () => unwired('SubscriptionPort', 'lib/subscriptions'),
      links: async () => unwired('SubscriptionPort', 'lib/subscriptions'),
    },
    senders: { senderFor: async () => unwired('SenderPort', 'lib/senders') },
    pauses: { marketingPausedFor: async () => unwired('PausePort', 'lib/email/feedback') },
  }),
);

/** SES with the SDK's own retries off: a retried timeout could send twice (SES has no idempotency key). */
export const sesClient = once(() => new SESv2Client({ maxAttempts: 1 }));

const metrics = new Metrics({
  namespace: SENDING_HALTED_METRIC.namespace,
  serviceName: SENDING_HALTED_METRIC.service,
});

export const sendingHalt = once(() => sendingHaltRepository(table(), systemClock));

export const sendDeps = once((): SendDeps => {
  const t = table();
  const ports = emailPorts();
  return {
    workspaces: workspaceReader(workspacesRepository(t)),
    contacts: contactReader(contactsRepository(t)),
    templates: ports.templates,
    subscriptions: ports.subscriptions,
    senders: ports.senders,
    pauses: ports.pauses,
    messages: messagesRepository(t),
    mailer: sesBulkMailer(sesClient(), { configurationSet: config('ses').SES_CONFIGURATION_SET }),
    halt: sendingHalt(),
    limits: sendLimits({
      readAccount: sesAccountQuota(sesClient()),
      clock: systemClock,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      containers: SEND_QUEUE.maxConcurrency,
    }),
    clock: systemClock,
    onHalt: (reason) => {
      logger.error('email sending halted: SES paused or suspended the account', { reason });
      metrics.addMetric(SENDING_HALTED_METRIC.name, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    },
  };
});
