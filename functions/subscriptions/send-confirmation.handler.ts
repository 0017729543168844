/**
 * Bus rule target for `contact.consent.changed` carrying a `confirmationMessageId`: the double opt-in
 * email the subscribe asked for, queued once (the send path sends a message id at most once).
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { confirmationSender } from '../../lib/subscriptions/confirmation-sender.ts';
import { requestConfirmation } from '../../lib/subscriptions/request-confirmation.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { once } from '../shared/deps.ts';
import { sendQueue } from '../shared/email-api-deps.ts';
import { emailPorts } from '../shared/email-deps.ts';
import { confirmationLinkDeps } from '../shared/subscription-deps.ts';

const deps = once(() => ({
  ...confirmationLinkDeps(),
  confirmations: confirmationSender({
    latestVersion: (ws, templateId) => emailPorts().versions.latest(ws, templateId),
    enqueue: (request) => sendQueue().enqueue([sendRequestSchema.parse(request)]),
  }),
}));

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  const event = parseBusEvent('contact.consent.changed', raw);
  if (event) await requestConfirmation(event, deps());
});
