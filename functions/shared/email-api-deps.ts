/**
 * Dependencies of the email API (`POST /v1/emails`, test sends): the send queue and what is checked
 * before queueing. Apart from email-deps.ts so the send function does not load the SQS client.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { emailRequestsRepository } from '../../lib/email/send/email-requests.repository.ts';
import type { EnqueueDeps } from '../../lib/email/send/enqueue-email.ts';
import { contactReader } from '../../lib/email/send/readers.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { emailPorts } from './email-deps.ts';
import { sqsSendQueue } from './sqs-send-queue.ts';

export const sendQueue = once(() =>
  sqsSendQueue(new SQSClient({}), config('sendQueue').QUEUE_URL_SEND_EMAIL),
);

export const enqueueDeps = once((): EnqueueDeps => {
  const t = table();
  const ports = emailPorts();
  return {
    contacts: contactReader(contactsRepository(t)),
    templates: ports.templates,
    versions: ports.versions,
    queue: sendQueue(),
    requests: emailRequestsRepository(t),
    clock: systemClock,
  };
});
