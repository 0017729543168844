/**
 * A date or inactivity journey that goes live gives every contact already in the workspace its trigger
 * timer (the next anniversary of its date; `days` after its last order), a page of contacts at a time;
 * out of its budget, it asks for its own continuation from its cursor through the outbox of a
 * checkpoint item. Setting a timer to the due it has writes nothing, so a page done twice costs reads
 * only. A newer version, or a journey no longer live, stops it. An inactivity trigger is backfilled
 * for `order.placed` (the contact's last order is on the contact); a contact whose quiet period ended
 * before the journey went live is not swept in at once: it enters after its next order's period.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { DomainEvent, EventData } from '../shared/events/catalogue.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import {
  dateTimerOf,
  type EngineDeps,
  inactivityTimerOf,
  setTriggerTimer,
  type TriggerTimer,
} from './journey-engine.ts';
import type { JourneysRepository } from './journeys.repository.ts';

export const BACKFILL_PAGE = 100;

export interface BackfillDeps {
  readonly journeys: Pick<JourneysRepository, 'get' | 'getVersion'>;
  readonly contacts: {
    list(workspaceId: string, limit: number, after?: string): Promise<{ contacts: Contact[]; next?: string }>;
  };
  /** The zone a contact's dates are read in (its own, else the workspace's). */
  readonly zoneOf: (workspaceId: string, contact: Contact) => Promise<string>;
  readonly triggerTimers: EngineDeps['triggerTimers'];
  /** Store the continuation's event (on the backfill's checkpoint item). */
  readonly continueWith: (event: DomainEvent<'journey.backfill.requested'>) => Promise<void>;
  readonly clock: Clock;
}

export const backfillTriggers = async (
  workspaceId: string,
  request: EventData<'journey.backfill.requested'>,
  deps: BackfillDeps,
  budget: { readonly pages: number },
): Promise<string> => {
  const journey = await deps.journeys.get(workspaceId, request.journeyId);
  if (journey?.status !== 'live' || journey.version !== request.version)
    return 'superseded: the journey is not live on this version';
  const version = await deps.journeys.getVersion(workspaceId, journey.id, journey.version);
  const trigger = version?.definition.trigger;
  if (!version || (trigger?.type !== 'date' && trigger?.type !== 'inactivity'))
    return 'no date or inactivity trigger';
  const live = { journey, definition: version.definition };
  const now = deps.clock.now();
  let cursor = request.cursor;
  let timers = 0;
  for (let page = 0; page < budget.pages; page++) {
    const { contacts, next } = await deps.contacts.list(workspaceId, BACKFILL_PAGE, cursor);
    for (const contact of contacts) {
      let timer: TriggerTimer | undefined;
      if (trigger.type === 'date')
        timer = dateTimerOf(live, contact, await deps.zoneOf(workspaceId, contact), now);
      else if (trigger.event === 'order.placed' && contact.purchases?.lastOrderAt) {
        const due = inactivityTimerOf(live, contact.id, contact.purchases.lastOrderAt);
        timer = due && due.due.getTime() > now.getTime() ? due : undefined;
      }
      if (timer) {
        await setTriggerTimer(workspaceId, timer, deps.triggerTimers);
        timers++;
      }
    }
    if (!next) return `done: ${timers} timers set`;
    cursor = next;
  }
  await deps.continueWith(
    domainEvent('journey.backfill.requested', workspaceId, { ...request, cursor }, deps.clock),
  );
  return `continued: ${timers} timers set`;
};
