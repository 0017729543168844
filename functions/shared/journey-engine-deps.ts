/**
 * The journey engine's dependencies, shared by the bus consumer (entries, waits, goals, cancellation)
 * and the timer tasks (steps, date and inactivity triggers). Journey versions are cached for good
 * (they never change); a workspace's default time zone for a minute.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { subjectOf } from '../../lib/conditions/subject.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { updateContact } from '../../lib/contacts/update-contact.ts';
import type { EffectContext } from '../../lib/journeys/advance-run.ts';
import type { BackfillDeps } from '../../lib/journeys/backfill-triggers.ts';
import { contactZone, type EngineDeps } from '../../lib/journeys/journey-engine.ts';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import { journeyRunsRepository } from '../../lib/journeys/runs.repository.ts';
import { stepEffects } from '../../lib/journeys/step-effects.ts';
import { workspaceJourneys } from '../../lib/journeys/workspace-journeys.ts';
import { deliverEventTo } from '../../lib/outgoing-webhooks/deliver-event.ts';
import { scoreContact } from '../../lib/scoring/score-contact.ts';
import { type Clock, fixedClock, systemClock } from '../../lib/shared/clock.ts';
import { PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../../lib/shared/events/outbox.ts';
import { derivedId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { config } from './config.ts';
import { contactDeps } from './contact-deps.ts';
import { once, table } from './deps.ts';
import { deliverDeps } from './outgoing-webhook-deps.ts';
import { scoringDeps } from './scoring-deps.ts';
import { sqsSendQueue } from './sqs-send-queue.ts';
import { sqsTimerQueue } from './sqs-timer-queue.ts';

const ZONE_CACHE_MS = 60_000;

/** Contacts with the zone their steps are timed by: their own, else their workspace's default (cached). */
const zones = once(() => {
  const t = table();
  const contacts = contactsRepository(t);
  const workspaces = workspacesRepository(t);
  const defaults = new Map<string, { readonly zone: string | undefined; readonly until: number }>();
  const defaultZone = async (workspaceId: string) => {
    const hit = defaults.get(workspaceId);
    if (hit && hit.until > Date.now()) return hit.zone;
    const zone = (await workspaces.get(workspaceId))?.settings.email?.defaultTimeZone;
    defaults.set(workspaceId, { zone, until: Date.now() + ZONE_CACHE_MS });
    return zone;
  };
  const zoneOf = async (workspaceId: string, contact: Contact) =>
    contactZone(contact, await defaultZone(workspaceId));
  return {
    zoneOf,
    contactRecord: async (workspaceId: string, contactId: string) => {
      const contact = await contacts.get(workspaceId, contactId);
      return contact ? { contact, timeZone: await zoneOf(workspaceId, contact) } : undefined;
    },
  };
});

/** A step's `journey.signal`, at the step's instant. */
const stepSignal = (context: EffectContext, name: string, properties: Readonly<Record<string, unknown>>) =>
  domainEvent(
    'journey.signal',
    context.workspaceId,
    {
      contactId: context.run.contactId,
      journeyId: context.run.journeyId,
      runId: context.run.runId,
      stepId: context.step.id,
      name,
      properties: { ...properties },
    },
    fixedClock(context.at.toISOString()),
  );

export const journeyEngineDeps = once((): EngineDeps & { readonly clock: Clock } => {
  const t = table();
  const sqs = new SQSClient({});
  const runs = journeyRunsRepository(t);
  const templates = templatesRepository(t);
  const journeys = workspaceJourneys(journeysRepository(t));
  const timers = timerService({
    timers: timersRepository(t),
    clock: systemClock,
    queue: sqsTimerQueue(sqs, config('timerQueue').QUEUE_URL_FIRE_TIMER),
  });
  const sendQueue = sqsSendQueue(sqs, config('sendQueue').QUEUE_URL_SEND_EMAIL);

  const { contactRecord } = zones();

  return {
    clock: systemClock,
    runs,
    journeys,
    versions: { getVersion: journeys.version },
    contactRecord,
    contact: async (workspaceId, contactId) => {
      const found = await contactRecord(workspaceId, contactId);
      return found ? { subject: subjectOf(found.contact), timeZone: found.timeZone } : undefined;
    },
    timers: {
      set: (workspaceId, input, due) => timers.oneShot(workspaceId, 'journey-step', due, input),
    },
    triggerTimers: timers,
    effects: stepEffects({
      templates,
      sendQueue,
      contacts: {
        update: (workspaceId, contactId, patch) =>
          updateContact(workspaceId, contactId, patch, contactDeps()),
        setStage: (workspaceId, contactId, stage, id) =>
          scoreContact(workspaceId, contactId, { kind: 'stage', id, stage }, scoringDeps()),
      },
      webhooks: {
        deliver: async (context, endpointId) => {
          const { run, step } = context;
          const signal = stepSignal(context, 'webhook', run.trigger ? { trigger: run.trigger } : {});
          // Named by the run and step: the endpoint's delivery of it is made once.
          const id = derivedId('ev', context.at, `webhook/${run.runId}/${step.id}`);
          await deliverEventTo({ ...signal, id }, endpointId, deliverDeps());
        },
      },
      signals: {
        emit: async (context, name, properties) => {
          await runs.signal(stepSignal(context, name, properties));
        },
      },
    }),
  };
});

export const backfillDeps = once((): BackfillDeps => {
  const engine = journeyEngineDeps();
  const t = table();
  return {
    journeys: journeysRepository(t),
    contacts: contactsRepository(t),
    zoneOf: zones().zoneOf,
    triggerTimers: engine.triggerTimers,
    continueWith: async (event) => {
      await t.client.send(
        new PutCommand({
          TableName: t.name,
          Item: {
            ...keys.journeyBackfill(event.workspaceId, event.data.journeyId),
            type: 'journeyBackfill',
            v: 1,
            cursor: event.data.cursor,
            [OUTBOX_ATTRIBUTE]: toOutbox(event),
          },
        }),
      );
    },
    clock: systemClock,
  };
});
