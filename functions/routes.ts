/** Every HTTP route of the API, in the order the reference lists them. */
import type { RouteSpec } from '../lib/shared/http/route.ts';
import * as auth from './auth/auth.routes.ts';
import * as campaigns from './campaigns/campaign.routes.ts';
import * as campaignReports from './campaigns/campaign-report.routes.ts';
import * as contacts from './contacts/contact.routes.ts';
import { openApiRoute } from './docs/openapi.route.ts';
import * as email from './email/email.routes.ts';
import * as events from './events/event.routes.ts';
import { trackRoute } from './events/track.routes.ts';
import * as feedback from './feedback/sending.routes.ts';
import * as journeys from './journeys/journey.routes.ts';
import * as webhookEndpoints from './outgoing-webhooks/webhook-endpoint.routes.ts';
import * as scoring from './scoring/scoring.routes.ts';
import * as segments from './segments/segment.routes.ts';
import * as senders from './senders/sender-domain.routes.ts';
import * as subscriptions from './subscriptions/subscription.routes.ts';
import * as templates from './templates/template.routes.ts';
import * as users from './users/user.routes.ts';
import { receiveWebhookRoute } from './webhooks/receive-webhook.routes.ts';
import * as webhooks from './webhooks/webhook.routes.ts';
import * as workspaces from './workspaces/workspace.routes.ts';

export const routes = {
  upsertContact: contacts.upsertContactRoute,
  listContacts: contacts.listContactsRoute,
  lookupContact: contacts.lookupContactRoute,
  searchContacts: contacts.searchContactsRoute,
  getContact: contacts.getContactRoute,
  updateContact: contacts.updateContactRoute,
  eraseContact: contacts.eraseContactRoute,
  exportContact: contacts.exportContactRoute,
  setConsent: contacts.setConsentRoute,
  track: trackRoute,
  readTimeline: events.readTimelineRoute,
  logInteraction: events.logInteractionRoute,
  getWorkspace: workspaces.getWorkspaceRoute,
  issueKey: workspaces.issueKeyRoute,
  listKeys: workspaces.listKeysRoute,
  revokeKey: workspaces.revokeKeyRoute,
  listUsers: users.listUsersRoute,
  inviteUser: users.inviteUserRoute,
  setUserRole: users.setUserRoleRoute,
  removeUser: users.removeUserRoute,
  createConnection: webhooks.createConnectionRoute,
  listConnections: webhooks.listConnectionsRoute,
  getConnection: webhooks.getConnectionRoute,
  rotateSecret: webhooks.rotateSecretRoute,
  deleteConnection: webhooks.deleteConnectionRoute,
  listQuarantine: webhooks.listQuarantineRoute,
  replayQuarantine: webhooks.replayQuarantineRoute,
  receiveWebhook: receiveWebhookRoute,
  getExport: webhooks.getExportRoute,
  createSegment: segments.createSegmentRoute,
  listSegments: segments.listSegmentsRoute,
  getSegment: segments.getSegmentRoute,
  updateSegment: segments.updateSegmentRoute,
  deleteSegment: segments.deleteSegmentRoute,
  previewSegment: segments.previewSegmentRoute,
  listMembers: segments.listMembersRoute,
  changeMembers: segments.changeMembersRoute,
  contactSegments: segments.contactSegmentsRoute,
  startImport: segments.startImportRoute,
  getImport: segments.getImportRoute,
  getScoringModel: scoring.getScoringModelRoute,
  putScoringModel: scoring.putScoringModelRoute,
  setStage: scoring.setStageRoute,
  scoreHistory: scoring.scoreHistoryRoute,
  scoreDistribution: scoring.scoreDistributionRoute,
  getEmailSettings: subscriptions.getEmailSettingsRoute,
  putEmailSettings: subscriptions.putEmailSettingsRoute,
  subscribe: subscriptions.subscribeRoute,
  setTopicConsent: subscriptions.setTopicConsentRoute,
  unsubscribePage: subscriptions.unsubscribePageRoute,
  unsubscribe: subscriptions.unsubscribePostRoute,
  confirmSubscriptionPage: subscriptions.confirmPageRoute,
  confirmSubscription: subscriptions.confirmPostRoute,
  saveTemplate: templates.saveTemplateRoute,
  listTemplates: templates.listTemplatesRoute,
  getTemplate: templates.getTemplateRoute,
  listTemplateVersions: templates.listTemplateVersionsRoute,
  previewTemplate: templates.previewTemplateRoute,
  installDefaultTemplates: templates.installDefaultsRoute,
  addSenderDomain: senders.addSenderDomainRoute,
  listSenderDomains: senders.listSenderDomainsRoute,
  getSenderDomain: senders.getSenderDomainRoute,
  updateSenderDomain: senders.updateSenderDomainRoute,
  removeSenderDomain: senders.removeSenderDomainRoute,
  sendEmail: email.sendEmailRoute,
  testSend: email.testSendRoute,
  createCampaign: campaigns.createCampaignRoute,
  listCampaigns: campaigns.listCampaignsRoute,
  getCampaign: campaigns.getCampaignRoute,
  updateCampaign: campaigns.updateCampaignRoute,
  deleteCampaign: campaigns.deleteCampaignRoute,
  scheduleCampaign: campaigns.scheduleCampaignRoute,
  unscheduleCampaign: campaigns.unscheduleCampaignRoute,
  startCampaign: campaigns.startCampaignRoute,
  pauseCampaign: campaigns.pauseCampaignRoute,
  resumeCampaign: campaigns.resumeCampaignRoute,
  cancelCampaign: campaigns.cancelCampaignRoute,
  getCampaignProgress: campaignReports.getCampaignProgressRoute,
  getCampaignResults: campaignReports.getCampaignResultsRoute,
  createJourney: journeys.createJourneyRoute,
  listJourneys: journeys.listJourneysRoute,
  getJourney: journeys.getJourneyRoute,
  getJourneyVersion: journeys.getJourneyVersionRoute,
  journeyReport: journeys.journeyReportRoute,
  updateJourney: journeys.updateJourneyRoute,
  deleteJourney: journeys.deleteJourneyRoute,
  startJourney: journeys.startJourneyRoute,
  pauseJourney: journeys.pauseJourneyRoute,
  archiveJourney: journeys.archiveJourneyRoute,
  dryRunJourney: journeys.dryRunJourneyRoute,
  listReadyMadeJourneys: journeys.listReadyMadeJourneysRoute,
  enableReadyMadeJourney: journeys.enableReadyMadeJourneyRoute,
  createWebhookEndpoint: webhookEndpoints.createWebhookEndpointRoute,
  listWebhookEndpoints: webhookEndpoints.listWebhookEndpointsRoute,
  getWebhookEndpoint: webhookEndpoints.getWebhookEndpointRoute,
  updateWebhookEndpoint: webhookEndpoints.updateWebhookEndpointRoute,
  deleteWebhookEndpoint: webhookEndpoints.deleteWebhookEndpointRoute,
  rotateWebhookEndpointSecret: webhookEndpoints.rotateWebhookEndpointSecretRoute,
  listWebhookDeliveries: webhookEndpoints.listWebhookDeliveriesRoute,
  replayWebhookDelivery: webhookEndpoints.replayWebhookDeliveryRoute,
  getSendingStatus: feedback.getSendingStatusRoute,
  resumeSending: feedback.resumeSendingRoute,
  emailStats: feedback.emailStatsRoute,
  authLogin: auth.authLoginRoute,
  authCallback: auth.authCallbackRoute,
  authRefresh: auth.authRefreshRoute,
  authLogout: auth.authLogoutRoute,
  authMe: auth.authMeRoute,
  openApi: openApiRoute,
} satisfies Record<string, RouteSpec>;

export const allRoutes: readonly RouteSpec[] = Object.values(routes);
