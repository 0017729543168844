/**
 * Dependencies of the send path, built once per cold start: the other email capabilities' ports
 * (templates, subscriptions with the signed links, sender domains, the feedback loop's pause) are
 * their own implementations, each built from its capability's deps file.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { sendingStateRepository } from '../../lib/email/feedback/sending-state.repository.ts';
import { pausePort } from '../../lib/email/feedback/sending-status.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import type { TemplatePort } from '../../lib/email/ports.ts';
import type { TemplateVersions } from '../../lib/email/send/enqueue-email.ts';
import { frequencyCapsRepository } from '../../lib/email/send/frequency-caps.repository.ts';
import { SENDING_HALTED_METRIC } from '../../lib/email/send/metrics.ts';
import { contactReader, workspaceReader } from '../../lib/email/send/readers.ts';
import type { SendDeps } from '../../lib/email/send/send-batch.ts';
import { sendLimits } from '../../lib/email/send/send-limits.ts';
import { SEND_QUEUE } from '../../lib/email/send/send-queue.ts';
import { sendingHaltRepository } from '../../lib/email/send/sending-halt.repository.ts';
import { sesAccountQuota } from '../../lib/email/send/ses-account.ts';
import { sesBulkMailer } from '../../lib/email/send/ses-mailer.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { latestVersions, templatePort } from '../../lib/templates/template-port.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { logger } from './logger.ts';
import { senders } from './sender-deps.ts';
import { subscriptions } from './subscription-deps.ts';

/** What queueing an email needs of templates (the API functions): the version to send, loaded once. */
export const emailPorts = once((): { templates: TemplatePort; versions: TemplateVersions } => ({
  templates: templatePort({ templates: templatesRepository(table()) }),
  versions: latestVersions({ templates: templatesRepository(table()) }),
}));

/** SES with retries off: a retried timeout could send twice (SES has no idempotency key). */
export const sesClient = once(() => new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 1 }));

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
    subscriptions: subscriptions(),
    senders: senders(),
    pauses: pausePort(sendingStateRepository(t)),
    messages: messagesRepository(t),
    mailer: sesBulkMailer(sesClient(), { configurationSet: config('ses').SES_CONFIGURATION_SET }),
    halt: sendingHalt(),
    limits: sendLimits({
      readAccount: sesAccountQuota(sesClient()),
      clock: systemClock,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      containers: SEND_QUEUE.maxConcurrency,
    }),
    caps: frequencyCapsRepository(t),
    clock: systemClock,
    onHalt: (reason) => {
      logger.error('email sending halted: SES paused or suspended the account', { reason });
      metrics.addMetric(SENDING_HALTED_METRIC.name, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    },
  };
});
