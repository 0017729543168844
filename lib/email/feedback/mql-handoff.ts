/**
 * The MQL hand-off by email: when a contact becomes a marketing-qualified lead (`stage.changed` to
 * `mql`), the workspace's sales address gets the shipped `mql-alert` (transactional: no consent
 * needed, the recipient is the business itself) with who the lead is, where its score comes from and
 * what it did lately. The message id is derived from the event, so a redelivered event sends nothing
 * twice (the send path claims each message id once).
 */
import type { ContactsRepository } from '../../contacts/contacts.repository.ts';
import type { TimelineRepository } from '../../events/timeline.repository.ts';
import { scoreBreakdown } from '../../scoring/score-state.ts';
import type { ScoringModelsRepository } from '../../scoring/scoring-models.repository.ts';
import type { Clock } from '../../shared/clock.ts';
import { type DomainEvent, patternFor } from '../../shared/events/catalogue.ts';
import { derivedId } from '../../shared/ids.ts';
import { keys } from '../../shared/keys.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../workspaces/email-settings.schema.ts';
import type { WorkspacesRepository } from '../../workspaces/workspaces.repository.ts';

/** The stage that hands a lead to sales. */
export const MQL_STAGE = 'mql';
export const MQL_ALERT_TEMPLATE = 'mql-alert';
/** How many recent timeline entries the alert lists. */
export const RECENT_ACTIVITY = 8;

/**
 * The bus rule of `mqlHandoff`: only stage changes to `mql`, not every stage change of every contact
 * (a first order's move to `customer` would otherwise invoke it for nothing). The handler still checks.
 */
export const MQL_HANDOFF_PATTERN = {
  ...patternFor('stage.changed'),
  detail: { data: { to: [MQL_STAGE] } },
};

/** One transactional alert to an address that is not a contact (the send path implements it). */
export interface AlertRequest {
  readonly workspaceId: string;
  readonly templateId: string;
  readonly to: string;
  /** The contact the alert is about (its tags, its timeline); it does not receive the alert. */
  readonly contactId: string;
  /** Chosen here, derived from the triggering event: the same event never sends twice. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface AlertPort {
  sendAlert(request: AlertRequest): Promise<void>;
}

export interface HandoffDeps {
  readonly workspaces: Pick<WorkspacesRepository, 'get'>;
  readonly contacts: Pick<ContactsRepository, 'get'>;
  readonly timeline: Pick<TimelineRepository, 'page'>;
  readonly models: Pick<ScoringModelsRepository, 'get'>;
  readonly alerts: AlertPort;
  readonly clock: Clock;
}

export type HandoffOutcome = 'sent' | 'not mql' | 'no sales address' | 'no contact';

export const mqlHandoff = async (
  event: DomainEvent<'stage.changed'>,
  deps: HandoffDeps,
): Promise<HandoffOutcome> => {
  if (event.data.to !== MQL_STAGE) return 'not mql';
  const ws = event.workspaceId;
  const workspace = await deps.workspaces.get(ws);
  const salesAddress = (workspace?.settings.email ?? DEFAULT_EMAIL_SETTINGS).salesAddress;
  if (!salesAddress) return 'no sales address';
  const contact = await deps.contacts.get(ws, event.data.contactId);
  if (!contact) return 'no contact';
  const model = await deps.models.get(ws);
  const breakdown = scoreBreakdown(contact.score, model, deps.clock.now());
  const fitPoints = new Map(model.fit.map((r) => [r.id, r.points]));
  const recent = await deps.timeline.page(keys.contactPartition(ws, contact.id), RECENT_ACTIVITY);
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const company = contact.attributes.company;
  await deps.alerts.sendAlert({
    workspaceId: ws,
    templateId: MQL_ALERT_TEMPLATE,
    to: salesAddress,
    contactId: contact.id,
    messageId: derivedId('m', new Date(event.occurredAt), `mql-alert:${event.id}`),
    data: {
      contact: {
        id: contact.id,
        ...(contact.email ? { email: contact.email } : {}),
        ...(name ? { name } : {}),
        ...(typeof company === 'string' ? { company } : {}),
      },
      score: breakdown.score,
      breakdown: [
        { label: 'engagement', points: breakdown.engagement },
        ...breakdown.fitRules.map((rule) => ({ label: rule, points: fitPoints.get(rule) ?? 0 })),
      ],
      recent: recent.entries.map((e) => ({ name: e.name, at: e.occurredAt })),
      stage: { ...(event.data.from ? { from: event.data.from } : {}), to: event.data.to, by: event.data.by },
    },
  });
  return 'sent';
};
