/**
 * Every Lambda function of ecrm, declared once. The CDK app builds one function per entry with the
 * trigger and grants declared here; the local stack wires the same handlers to its HTTP server, bus,
 * stream poller and scheduler.
 */
import { routes } from '../../functions/routes.ts';
import { ORDER_CHANGES } from '../../lib/campaigns/results/attribute-order.ts';
import { CAMPAIGN_WORK_EVENTS } from '../../lib/campaigns/send/start-send.ts';
import { MQL_HANDOFF_PATTERN } from '../../lib/email/feedback/mql-handoff.ts';
import { UNSUBSCRIBE_THROUGH_MESSAGE_PATTERN } from '../../lib/email/feedback/record-unsubscribe.ts';
import { FEEDBACK_RULE_PATTERN } from '../../lib/email/feedback/ses-event-pattern.ts';
import { SEND_QUEUE } from '../../lib/email/send/send-queue.ts';
import { TIMELINE_EVENT_TYPES } from '../../lib/events/system-timeline.ts';
import { RUN_EVENTS } from '../../lib/journeys/count-runs.ts';
import { JOURNEY_INPUTS } from '../../lib/journeys/journey-inputs.ts';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../lib/outgoing-webhooks/subscribable-events.ts';
import { SCORE_INPUTS } from '../../lib/scoring/score-inputs.ts';
import { CONTACT_CHANGES } from '../../lib/segments/contact-changes.ts';
import { patternFor } from '../../lib/shared/events/catalogue.ts';
import { neededBy } from '../../lib/shared/events/fanout.ts';
import { typesIn } from '../../lib/shared/events/meanings.ts';
import type { RouteSpec } from '../../lib/shared/http/route.ts';
import { CONFIRMATION_REQUEST_PATTERN } from '../../lib/subscriptions/request-confirmation.ts';
import type { Access, FunctionSpec } from './types.ts';

/** Lambda descriptions stop at 256 characters; the route's full summary lives in the OpenAPI document. */
const describeRoute = (route: RouteSpec): string => {
  const text = `${route.method} ${route.path}: ${route.summary}`;
  return text.length <= 256 ? text : `${text.slice(0, 255)}…`;
};

const http = (
  name: string,
  entry: string,
  route: RouteSpec,
  access: Access,
  description = describeRoute(route),
): FunctionSpec => ({
  name,
  entry,
  description,
  trigger: { kind: 'http', route },
  access,
});

const read: Access = { table: 'read' };
const write: Access = { table: 'readWrite' };

export const functions: readonly FunctionSpec[] = [
  {
    name: 'outbox-relay',
    entry: 'functions/outbox/relay.handler.ts',
    description: 'Publishes the domain events stored with each write (table stream) to the ecrm bus.',
    trigger: { kind: 'stream', batchSize: 100 },
    // Reads the fan-out marker of each workspace it publishes for (lib/shared/events/fanout.ts).
    access: { bus: 'put', table: 'read' },
  },
  {
    name: 'record-event',
    entry: 'functions/events/record-event.handler.ts',
    description: 'Attaches a received track event to its contact timeline and rolls it up on the contact.',
    trigger: { kind: 'event', pattern: patternFor('track.received') },
    access: write,
  },

  {
    name: 'record-system-event',
    entry: 'functions/events/record-system-event.handler.ts',
    description: 'Puts abandoned checkouts, stage changes and segment entries/exits on the contact timeline.',
    trigger: {
      kind: 'event',
      pattern: patternFor(...TIMELINE_EVENT_TYPES),
    },
    access: { table: 'readWrite' },
  },

  http('upsert-contact', 'functions/contacts/upsert-contact.handler.ts', routes.upsertContact, write),
  http('list-contacts', 'functions/contacts/list-contacts.handler.ts', routes.listContacts, read),
  http('lookup-contact', 'functions/contacts/lookup-contact.handler.ts', routes.lookupContact, read),
  http('search-contacts', 'functions/contacts/search-contacts.handler.ts', routes.searchContacts, read),
  http('get-contact', 'functions/contacts/get-contact.handler.ts', routes.getContact, read),
  http('update-contact', 'functions/contacts/update-contact.handler.ts', routes.updateContact, write),
  http('erase-contact', 'functions/contacts/erase-contact.handler.ts', routes.eraseContact, write),
  http('export-contact', 'functions/contacts/export-contact.handler.ts', routes.exportContact, read),
  http('set-consent', 'functions/contacts/set-consent.handler.ts', routes.setConsent, write),

  http('track', 'functions/events/track.handler.ts', routes.track, write),
  http('read-timeline', 'functions/events/read-timeline.handler.ts', routes.readTimeline, read),
  http('log-interaction', 'functions/events/log-interaction.handler.ts', routes.logInteraction, write),

  http('get-workspace', 'functions/workspaces/get-workspace.handler.ts', routes.getWorkspace, read),
  http('issue-key', 'functions/workspaces/issue-key.handler.ts', routes.issueKey, write),
  http('list-keys', 'functions/workspaces/list-keys.handler.ts', routes.listKeys, read),
  http('revoke-key', 'functions/workspaces/revoke-key.handler.ts', routes.revokeKey, write),
  http('list-users', 'functions/users/list-users.handler.ts', routes.listUsers, read),
  http('invite-user', 'functions/users/invite-user.handler.ts', routes.inviteUser, {
    table: 'readWrite',
    userPool: 'manage',
  }),
  http('set-user-role', 'functions/users/set-user-role.handler.ts', routes.setUserRole, write),
  http('remove-user', 'functions/users/remove-user.handler.ts', routes.removeUser, write),
  http('auth-login', 'functions/auth/login.handler.ts', routes.authLogin, {}),
  http('auth-callback', 'functions/auth/callback.handler.ts', routes.authCallback, {}),
  http('auth-refresh', 'functions/auth/refresh.handler.ts', routes.authRefresh, {}),
  http('auth-logout', 'functions/auth/logout.handler.ts', routes.authLogout, {}),
  http('auth-me', 'functions/auth/me.handler.ts', routes.authMe, read),

  http('add-sender-domain', 'functions/senders/add-sender-domain.handler.ts', routes.addSenderDomain, {
    table: 'readWrite',
    sesIdentities: 'manage',
  }),
  http('list-sender-domains', 'functions/senders/list-sender-domains.handler.ts', routes.listSenderDomains, {
    table: 'read',
    sesIdentities: 'read',
  }),
  http('get-sender-domain', 'functions/senders/get-sender-domain.handler.ts', routes.getSenderDomain, {
    table: 'read',
    sesIdentities: 'read',
  }),
  http(
    'update-sender-domain',
    'functions/senders/update-sender-domain.handler.ts',
    routes.updateSenderDomain,
    {
      table: 'readWrite',
      sesIdentities: 'read',
    },
  ),
  http(
    'remove-sender-domain',
    'functions/senders/remove-sender-domain.handler.ts',
    routes.removeSenderDomain,
    {
      table: 'readWrite',
      sesIdentities: 'manage',
    },
  ),

  {
    name: 'process-webhook',
    entry: 'functions/webhooks/process-webhook.handler.ts',
    description:
      'Applies a stored storefront delivery: contacts, orders, refunds, checkouts, privacy requests.',
    trigger: { kind: 'event', pattern: patternFor('webhook.received') },
    access: write,
    timeoutSeconds: 60,
  },
  {
    name: 'schedule-timers',
    entry: 'functions/timers/schedule-timers.handler.ts',
    description: "Timer service: creates a newly opened due minute's drain schedule; queues near timers.",
    trigger: { kind: 'event', pattern: patternFor('timer.minute.opened', 'timer.near') },
    access: { table: 'read', scheduler: 'manage', sendTo: 'fire-timer' },
    timeoutSeconds: 300,
  },
  {
    name: 'drain-timers',
    entry: 'functions/timers/drain-timers.handler.ts',
    description: "Timer service: sends a due minute's timers (and overdue ones) to the timer queue.",
    trigger: { kind: 'scheduled-target' },
    access: { table: 'read', sendTo: 'fire-timer' },
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  {
    name: 'fire-timer',
    entry: 'functions/timers/fire-timer.handler.ts',
    description:
      'Timer service: claims each due timer once and runs its task (checkout windows, segment rechecks, score decay, campaign launches, waves and finish checks, journey steps, webhook retries).',
    trigger: { kind: 'queue', batchSize: 10, maxReceiveCount: 5 },
    // Campaign waves queue work; the daily-quota recheck asks SES for the account's quota; journey
    // steps queue their emails and set their next steps' timers (near ones straight onto this queue);
    // a webhook retry opens the endpoint's signing secrets.
    access: {
      table: 'readWrite',
      sendTo: ['campaign-work', 'send-email', 'fire-timer'],
      ses: 'account',
      kms: 'decrypt',
    },
    timeoutSeconds: 30,
  },
  {
    name: 'evaluate-segments',
    entry: 'functions/segments/evaluate-segments.handler.ts',
    description: 'Re-evaluates the segments a contact change can affect; an erased contact leaves them all.',
    trigger: {
      kind: 'event',
      pattern: patternFor(...typesIn(CONTACT_CHANGES)),
    },
    access: write,
  },
  {
    name: 'journey-events',
    entry: 'functions/journeys/journey-events.handler.ts',
    description:
      "Journeys: admits contacts to live journeys, resumes runs waiting for an event, ends runs whose goal is met, cancels a contact's runs on unsubscribe or suppression.",
    // Only workspaces that ever had a live journey (their fan-out marker), and replays.
    trigger: { kind: 'event', pattern: neededBy('journeys', patternFor(...typesIn(JOURNEY_INPUTS))) },
    // A run's first steps run here: their emails go to the send queue, their timers to the timer queue,
    // a webhook step's delivery opens its endpoint's signing secrets.
    access: { table: 'readWrite', sendTo: ['send-email', 'fire-timer'], kms: 'decrypt' },
    timeoutSeconds: 60,
  },
  {
    name: 'backfill-journey-triggers',
    entry: 'functions/journeys/backfill-journey-triggers.handler.ts',
    description:
      'Journeys: a date or inactivity journey gone live gives every existing contact its trigger timer, resumably.',
    trigger: { kind: 'event', pattern: patternFor('journey.backfill.requested') },
    access: write,
    timeoutSeconds: 300,
  },
  {
    name: 'count-journey-runs',
    entry: 'functions/journeys/count-journey-runs.handler.ts',
    description:
      "Journey reporting: adds each run's entry and end (and a goal's order value) to its journey's counters.",
    trigger: { kind: 'event', pattern: patternFor(...typesIn(RUN_EVENTS)) },
    access: write,
  },
  {
    name: 'score-contact',
    entry: 'functions/scoring/score-contact.handler.ts',
    description: 'Lead scoring: engagement points from events, fit points from the profile, stage moves.',
    trigger: {
      kind: 'event',
      pattern: patternFor(...typesIn(SCORE_INPUTS)),
    },
    access: write,
  },
  {
    name: 'run-import',
    entry: 'functions/segments/run-import.handler.ts',
    description: 'Applies an uploaded CSV list to a static segment, resumably, a slice per invocation.',
    trigger: { kind: 'event', pattern: patternFor('segment.import.requested') },
    access: write,
    timeoutSeconds: 300,
  },
  {
    name: 'rebuild-segment',
    entry: 'functions/segments/rebuild-segment.handler.ts',
    description: "Recomputes (or purges) a segment's membership, resumably, a slice per invocation.",
    trigger: { kind: 'event', pattern: patternFor('segment.rebuild.requested') },
    access: write,
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  http('create-connection', 'functions/webhooks/create-connection.handler.ts', routes.createConnection, {
    table: 'readWrite',
    kms: 'encrypt',
  }),
  http('list-connections', 'functions/webhooks/list-connections.handler.ts', routes.listConnections, read),
  http('get-connection', 'functions/webhooks/get-connection.handler.ts', routes.getConnection, read),
  http('rotate-secret', 'functions/webhooks/rotate-secret.handler.ts', routes.rotateSecret, {
    table: 'readWrite',
    kms: 'encrypt',
  }),
  http(
    'delete-connection',
    'functions/webhooks/delete-connection.handler.ts',
    routes.deleteConnection,
    write,
  ),
  http('receive-webhook', 'functions/webhooks/receive-webhook.handler.ts', routes.receiveWebhook, {
    table: 'readWrite',
    kms: 'decrypt',
  }),
  http('get-export', 'functions/webhooks/get-export.handler.ts', routes.getExport, read),
  http('list-quarantine', 'functions/webhooks/list-quarantine.handler.ts', routes.listQuarantine, read),
  http(
    'replay-quarantine',
    'functions/webhooks/replay-quarantine.handler.ts',
    routes.replayQuarantine,
    write,
  ),

  http('create-segment', 'functions/segments/create-segment.handler.ts', routes.createSegment, write),
  http('list-segments', 'functions/segments/list-segments.handler.ts', routes.listSegments, read),
  http('get-segment', 'functions/segments/get-segment.handler.ts', routes.getSegment, read),
  http('update-segment', 'functions/segments/update-segment.handler.ts', routes.updateSegment, write),
  http('delete-segment', 'functions/segments/delete-segment.handler.ts', routes.deleteSegment, write),
  http('preview-segment', 'functions/segments/preview-segment.handler.ts', routes.previewSegment, read),
  http('list-segment-members', 'functions/segments/list-members.handler.ts', routes.listMembers, read),
  http('change-segment-members', 'functions/segments/change-members.handler.ts', routes.changeMembers, write),
  http('start-import', 'functions/segments/start-import.handler.ts', routes.startImport, write),
  http('get-import', 'functions/segments/get-import.handler.ts', routes.getImport, read),
  http('contact-segments', 'functions/segments/contact-segments.handler.ts', routes.contactSegments, read),

  http('get-scoring-model', 'functions/scoring/get-scoring-model.handler.ts', routes.getScoringModel, read),
  http('put-scoring-model', 'functions/scoring/put-scoring-model.handler.ts', routes.putScoringModel, write),
  http('set-stage', 'functions/scoring/set-stage.handler.ts', routes.setStage, write),
  http('score-history', 'functions/scoring/score-history.handler.ts', routes.scoreHistory, read),
  http(
    'score-distribution',
    'functions/scoring/score-distribution.handler.ts',
    routes.scoreDistribution,
    read,
  ),

  http(
    'get-email-settings',
    'functions/subscriptions/get-email-settings.handler.ts',
    routes.getEmailSettings,
    read,
  ),
  http(
    'put-email-settings',
    'functions/subscriptions/put-email-settings.handler.ts',
    routes.putEmailSettings,
    write,
  ),
  http('subscribe', 'functions/subscriptions/subscribe.handler.ts', routes.subscribe, write),
  http(
    'set-topic-consent',
    'functions/subscriptions/set-topic-consent.handler.ts',
    routes.setTopicConsent,
    write,
  ),
  // The pages only check links (the key is opened, never made): KMS Decrypt, no Encrypt.
  http('unsubscribe-page', 'functions/subscriptions/unsubscribe-page.handler.ts', routes.unsubscribePage, {
    table: 'read',
    kms: 'decrypt',
  }),
  http('unsubscribe', 'functions/subscriptions/unsubscribe.handler.ts', routes.unsubscribe, {
    table: 'readWrite',
    kms: 'decrypt',
  }),
  http(
    'confirm-subscription-page',
    'functions/subscriptions/confirm-page.handler.ts',
    routes.confirmSubscriptionPage,
    { table: 'read', kms: 'decrypt' },
  ),
  http('confirm-subscription', 'functions/subscriptions/confirm.handler.ts', routes.confirmSubscription, {
    table: 'readWrite',
    kms: 'decrypt',
  }),
  // Saving compiles MJML: these two are the only functions that bundle mjml (~0.5 s to import, off the send path).
  {
    ...http('save-template', 'functions/templates/save-template.handler.ts', routes.saveTemplate, write),
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  {
    ...http(
      'install-default-templates',
      'functions/templates/install-defaults.handler.ts',
      routes.installDefaultTemplates,
      write,
    ),
    memoryMb: 1024,
    timeoutSeconds: 60,
  },
  http('list-templates', 'functions/templates/list-templates.handler.ts', routes.listTemplates, read),
  http('get-template', 'functions/templates/get-template.handler.ts', routes.getTemplate, read),
  http(
    'list-template-versions',
    'functions/templates/list-template-versions.handler.ts',
    routes.listTemplateVersions,
    read,
  ),
  // Signs the previewed contact's links as send-email does (the first signer makes the link key).
  http('preview-template', 'functions/templates/preview-template.handler.ts', routes.previewTemplate, {
    table: 'readWrite',
    kms: 'encryptDecrypt',
    links: true,
  }),
  {
    name: 'send-email',
    entry: 'functions/email/send-email.handler.ts',
    description:
      'Sends queued email requests (≤ 50 recipients each) through SES: eligibility at send time, a claim per message, per-entry results.',
    trigger: { kind: 'queue', ...SEND_QUEUE },
    // Signs each marketing email's links (KMS-sealed key, PUBLIC_URL) and asks SES about sender domains.
    // A chunk job still throttled near its last receive is queued afresh (sendTo its own queue); one
    // that meets SES's daily quota has the campaign work queue pause its campaign.
    access: {
      table: 'readWrite',
      ses: 'send',
      sesIdentities: 'read',
      kms: 'encryptDecrypt',
      links: true,
      sendTo: ['send-email', 'campaign-work'],
    },
    timeoutSeconds: 60,
    memoryMb: 512,
  },
  {
    name: 'campaign-work',
    entry: 'functions/campaigns/campaign-work.handler.ts',
    description:
      "Campaign send pipeline: on launch, resume and cancel (bus rule), each shard's audience snapshot, wave dispatch and cancel sweep.",
    trigger: {
      kind: 'queue',
      batchSize: 4,
      maxReceiveCount: 5,
      busRule: patternFor(...CAMPAIGN_WORK_EVENTS),
    },
    // Chunk jobs go to the send queue; a snapshot out of time queues its own continuation.
    access: { table: 'readWrite', sendTo: ['send-email', 'campaign-work'] },
    timeoutSeconds: 120,
  },
  http('send-email-api', 'functions/email/send-email-api.handler.ts', routes.sendEmail, {
    table: 'readWrite',
    sendTo: 'send-email',
  }),
  http('test-send', 'functions/email/test-send.handler.ts', routes.testSend, {
    table: 'readWrite',
    sendTo: 'send-email',
  }),
  http('create-campaign', 'functions/campaigns/create-campaign.handler.ts', routes.createCampaign, write),
  http('list-campaigns', 'functions/campaigns/list-campaigns.handler.ts', routes.listCampaigns, read),
  http('get-campaign', 'functions/campaigns/get-campaign.handler.ts', routes.getCampaign, read),
  http('update-campaign', 'functions/campaigns/update-campaign.handler.ts', routes.updateCampaign, write),
  http('delete-campaign', 'functions/campaigns/delete-campaign.handler.ts', routes.deleteCampaign, write),
  // Scheduling sets the campaign-launch timer (a table write; the timer service does the rest).
  http(
    'schedule-campaign',
    'functions/campaigns/schedule-campaign.handler.ts',
    routes.scheduleCampaign,
    write,
  ),
  http(
    'unschedule-campaign',
    'functions/campaigns/unschedule-campaign.handler.ts',
    routes.unscheduleCampaign,
    write,
  ),
  http('start-campaign', 'functions/campaigns/start-campaign.handler.ts', routes.startCampaign, write),
  http('pause-campaign', 'functions/campaigns/pause-campaign.handler.ts', routes.pauseCampaign, write),
  http('resume-campaign', 'functions/campaigns/resume-campaign.handler.ts', routes.resumeCampaign, write),
  http('cancel-campaign', 'functions/campaigns/cancel-campaign.handler.ts', routes.cancelCampaign, write),
  http(
    'get-campaign-progress',
    'functions/campaigns/get-campaign-progress.handler.ts',
    routes.getCampaignProgress,
    read,
  ),
  http(
    'get-campaign-results',
    'functions/campaigns/get-campaign-results.handler.ts',
    routes.getCampaignResults,
    read,
  ),
  http('create-journey', 'functions/journeys/create-journey.handler.ts', routes.createJourney, write),
  http('list-journeys', 'functions/journeys/list-journeys.handler.ts', routes.listJourneys, read),
  http('get-journey', 'functions/journeys/get-journey.handler.ts', routes.getJourney, read),
  http(
    'get-journey-version',
    'functions/journeys/get-journey-version.handler.ts',
    routes.getJourneyVersion,
    read,
  ),
  http('journey-report', 'functions/journeys/journey-report.handler.ts', routes.journeyReport, read),
  http('update-journey', 'functions/journeys/update-journey.handler.ts', routes.updateJourney, write),
  http('delete-journey', 'functions/journeys/delete-journey.handler.ts', routes.deleteJourney, write),
  http('start-journey', 'functions/journeys/start-journey.handler.ts', routes.startJourney, write),
  http('pause-journey', 'functions/journeys/pause-journey.handler.ts', routes.pauseJourney, write),
  http('archive-journey', 'functions/journeys/archive-journey.handler.ts', routes.archiveJourney, write),
  http('dry-run-journey', 'functions/journeys/dry-run-journey.handler.ts', routes.dryRunJourney, read),
  http(
    'list-ready-made-journeys',
    'functions/journeys/list-ready-made-journeys.handler.ts',
    routes.listReadyMadeJourneys,
    read,
  ),
  {
    // Installs the shipped templates a journey needs when missing: MJML is compiled here.
    ...http(
      'enable-ready-made-journey',
      'functions/journeys/enable-ready-made-journey.handler.ts',
      routes.enableReadyMadeJourney,
      write,
    ),
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  {
    name: 'attribute-order',
    entry: 'functions/campaigns/attribute-order.handler.ts',
    description:
      "Attributes a new storefront order to the campaign whose email its contact opened or clicked within the workspace's window, once; keeps its refunds beside it.",
    trigger: { kind: 'event', pattern: patternFor(...typesIn(ORDER_CHANGES)) },
    access: write,
  },
  {
    name: 'ses-feedback',
    entry: 'functions/feedback/ses-feedback.handler.ts',
    description:
      'SES feedback: bounces and complaints suppress, deliveries/opens/clicks update messages and engagement, counters and rates (may pause marketing).',
    trigger: { kind: 'queue', batchSize: 10, maxReceiveCount: 5, defaultBusRule: FEEDBACK_RULE_PATTERN },
    access: write,
    timeoutSeconds: 30,
  },
  http(
    'get-sending-status',
    'functions/feedback/get-sending-status.handler.ts',
    routes.getSendingStatus,
    read,
  ),
  http('resume-sending', 'functions/feedback/resume-sending.handler.ts', routes.resumeSending, write),
  http('email-stats', 'functions/feedback/email-stats.handler.ts', routes.emailStats, read),
  {
    name: 'record-unsubscribe',
    entry: 'functions/feedback/record-unsubscribe.handler.ts',
    description: "An unsubscribe through a message's link marks that message and counts it on its origin.",
    trigger: { kind: 'event', pattern: UNSUBSCRIBE_THROUGH_MESSAGE_PATTERN },
    access: write,
  },
  {
    name: 'mql-handoff',
    entry: 'functions/feedback/mql-handoff.handler.ts',
    description: "A new MQL is announced to the workspace's sales address (transactional mql-alert email).",
    trigger: { kind: 'event', pattern: MQL_HANDOFF_PATTERN },
    access: { table: 'read', sendTo: 'send-email' },
  },
  {
    name: 'send-confirmation',
    entry: 'functions/subscriptions/send-confirmation.handler.ts',
    description: 'Queues the double opt-in confirmation email a subscribe asked for, with its signed link.',
    trigger: { kind: 'event', pattern: CONFIRMATION_REQUEST_PATTERN },
    access: { table: 'readWrite', kms: 'encryptDecrypt', links: true, sendTo: 'send-email' },
  },

  http(
    'create-webhook-endpoint',
    'functions/outgoing-webhooks/create-webhook-endpoint.handler.ts',
    routes.createWebhookEndpoint,
    { table: 'readWrite', kms: 'encrypt' },
  ),
  http(
    'list-webhook-endpoints',
    'functions/outgoing-webhooks/list-webhook-endpoints.handler.ts',
    routes.listWebhookEndpoints,
    read,
  ),
  http(
    'get-webhook-endpoint',
    'functions/outgoing-webhooks/get-webhook-endpoint.handler.ts',
    routes.getWebhookEndpoint,
    read,
  ),
  http(
    'update-webhook-endpoint',
    'functions/outgoing-webhooks/update-webhook-endpoint.handler.ts',
    routes.updateWebhookEndpoint,
    write,
  ),
  http(
    'delete-webhook-endpoint',
    'functions/outgoing-webhooks/delete-webhook-endpoint.handler.ts',
    routes.deleteWebhookEndpoint,
    write,
  ),
  http(
    'rotate-webhook-endpoint-secret',
    'functions/outgoing-webhooks/rotate-webhook-endpoint-secret.handler.ts',
    routes.rotateWebhookEndpointSecret,
    { table: 'readWrite', kms: 'encrypt' },
  ),
  http(
    'list-webhook-deliveries',
    'functions/outgoing-webhooks/list-webhook-deliveries.handler.ts',
    routes.listWebhookDeliveries,
    read,
  ),
  // A replay is a timer due now: the delivery path sends it, never the API.
  http(
    'replay-webhook-delivery',
    'functions/outgoing-webhooks/replay-webhook-delivery.handler.ts',
    routes.replayWebhookDelivery,
    write,
  ),
  {
    name: 'deliver-webhooks',
    entry: 'functions/outgoing-webhooks/deliver-webhooks.handler.ts',
    description:
      "Outgoing webhooks: each subscribable domain event to the workspace's endpoints, signed, once per endpoint; failures retried by timer.",
    trigger: {
      kind: 'queue',
      batchSize: 10,
      maxReceiveCount: 5,
      // Only workspaces with an endpoint (their fan-out marker), and replays.
      busRule: neededBy('hooks', patternFor(...SUBSCRIBABLE_EVENT_TYPES)),
    },
    // Opens the endpoints' signing secrets; sets retry timers (table writes).
    access: { table: 'readWrite', kms: 'decrypt' },
    timeoutSeconds: 60,
  },

  http('openapi', 'functions/docs/openapi.handler.ts', routes.openApi, {}),
];
