/**
 * `POST /v1/journeys/dry-run`: a journey (saved, at its latest or a given version, or a document not
 * saved yet) simulated for a contact (a real one, read, or a blank one) and a made-up sequence of
 * events, on a virtual clock (dry-run.ts). Nothing is written and nothing is sent.
 */
import * as z from 'zod';
import { recipientTimeZone } from '../campaigns/send-time.ts';
import { subjectOf } from '../conditions/subject.ts';
import { emptyContact } from '../contacts/contact-model.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/errors.ts';
import { eventNameSchema } from '../shared/values/event-name.schema.ts';
import { timeZoneSchema } from '../shared/values/time-zone.schema.ts';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { type DryRunResult, dryRun } from './dry-run.ts';
import { journeyIdSchema } from './journey.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from './journey-definition.schema.ts';
import type { JourneysRepository } from './journeys.repository.ts';

const properties = z.record(z.string(), z.unknown()).default({});

export const dryRunBody = z
  .strictObject({
    journeyId: journeyIdSchema.optional().describe('a saved journey (its latest version unless `version`)'),
    version: z.number().int().positive().optional(),
    definition: journeyDefinitionSchema.optional().describe('or a journey document not saved yet'),
    contactId: z
      .string()
      .max(64)
      .optional()
      .describe('a contact of the workspace: its profile, tags, stage and zone'),
    timeZone: timeZoneSchema
      .optional()
      .describe("the contact's zone; by default its own, else the workspace's"),
    start: z.iso.datetime().optional().describe('when the trigger happened; now by default'),
    trigger: z
      .strictObject({ properties })
      .optional()
      .describe("the trigger event's properties (a storefront fact's data), read by keys"),
    events: z
      .array(z.strictObject({ name: eventNameSchema, at: z.iso.datetime(), properties }))
      .max(200)
      .default([])
      .describe('what happens after the start: orders, tracked events...'),
    horizonDays: z.number().int().min(1).max(730).default(400),
  })
  .refine((b) => (b.journeyId === undefined) !== (b.definition === undefined), {
    message: 'give a journeyId or a definition, one of them',
    path: ['journeyId'],
  })
  .refine((b) => b.version === undefined || b.journeyId !== undefined, {
    message: 'a version goes with a journeyId',
    path: ['version'],
  });
export type DryRunBody = z.infer<typeof dryRunBody>;

export interface DryRunDeps {
  readonly journeys: Pick<JourneysRepository, 'get' | 'getVersion'>;
  readonly contacts: Pick<ContactsRepository, 'get'>;
  readonly workspaces: Pick<WorkspacesRepository, 'get'>;
  readonly clock: Clock;
}

const documentOf = async (
  workspaceId: string,
  body: DryRunBody,
  deps: DryRunDeps,
): Promise<{ definition: JourneyDefinition; version?: number }> => {
  if (body.definition) return { definition: body.definition };
  const journeyId = body.journeyId ?? '';
  const journey = await deps.journeys.get(workspaceId, journeyId);
  if (!journey) throw new NotFoundError(`no journey ${journeyId}`);
  const version = body.version ?? journey.version;
  const stored =
    version <= journey.version ? await deps.journeys.getVersion(workspaceId, journeyId, version) : undefined;
  if (!stored) throw new NotFoundError(`journey ${journeyId} has no version ${version}`);
  return { definition: stored.definition, version };
};

export const dryRunJourney = async (
  workspaceId: string,
  body: DryRunBody,
  deps: DryRunDeps,
): Promise<DryRunResult & { readonly version?: number; readonly timeZone: string }> => {
  const [{ definition, version }, contact, workspace] = await Promise.all([
    documentOf(workspaceId, body, deps),
    body.contactId ? deps.contacts.get(workspaceId, body.contactId) : Promise.resolve(undefined),
    deps.workspaces.get(workspaceId),
  ]);
  if (body.contactId && !contact) throw new NotFoundError(`no contact ${body.contactId}`);
  const start = body.start ? new Date(body.start) : deps.clock.now();
  const timeZone =
    body.timeZone ??
    recipientTimeZone(contact?.timezone, workspace?.settings?.email?.defaultTimeZone ?? 'UTC');
  const { trigger } = definition;
  const result = dryRun({
    definition,
    start,
    timeZone,
    subject: subjectOf(contact ?? emptyContact(workspaceId, 'c_dry_run', 'dry-run', start.toISOString())),
    trigger: {
      name:
        trigger.type === 'event' || trigger.type === 'inactivity' ? trigger.event : `journey.${trigger.type}`,
      occurredAt: start.toISOString(),
      properties: body.trigger?.properties ?? {},
    },
    events: body.events.map((e) => ({ name: e.name, occurredAt: e.at, properties: e.properties })),
    horizonDays: body.horizonDays,
  });
  return { ...result, ...(version !== undefined ? { version } : {}), timeZone };
};
