/**
 * A journey as stored and shown: its name, status and versions. The document itself lives in its
 * versions (journey-definition.schema.ts), each written once: editing a journey adds a version, and a
 * live journey's new runs start on its latest while runs in progress finish on theirs.
 *
 * Statuses: `draft` (being written, no runs), `live` (contacts enter), `paused` (no one enters; runs in
 * progress go on), `archived` (final: no one enters, runs in progress go on to their end).
 */
import * as z from 'zod';
import { newId } from '../shared/ids.ts';
import { journeyDefinitionSchema } from './journey-definition.schema.ts';

/** `jrn_` and 26 lower-case Crockford base32 characters (time-ordered). */
export const journeyIdSchema = z.string().regex(/^jrn_[0-9a-z]{26}$/, 'not a journey id');
export const newJourneyId = (now: Date): string => newId('jrn', now);

export const JOURNEY_STATUSES = ['draft', 'live', 'paused', 'archived'] as const;
export const journeyStatusSchema = z.enum(JOURNEY_STATUSES);
export type JourneyStatus = z.infer<typeof journeyStatusSchema>;

export const journeyRecord = z.object({
  type: z.literal('journey'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  status: journeyStatusSchema,
  /** The latest version: the one new runs start on. */
  version: z.number().int().positive(),
  /** The latest version's trigger type, for lists. */
  trigger: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When it went live first, and last. */
  liveSince: z.string().optional(),
  rev: z.number().int().nonnegative(),
});
export type Journey = z.infer<typeof journeyRecord>;

export const journeyVersionRecord = z.object({
  type: z.literal('journeyVersion'),
  v: z.literal(1),
  journeyId: z.string(),
  version: z.number().int().positive(),
  definition: journeyDefinitionSchema,
  createdAt: z.string(),
});
export type JourneyVersion = z.infer<typeof journeyVersionRecord>;

export const journeySummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  status: journeyStatusSchema,
  version: z.number().int().describe('the latest version, the one new runs start on'),
  trigger: z.string().describe('the trigger type: event, segment, stage, date or inactivity'),
  createdAt: z.string(),
  updatedAt: z.string(),
  liveSince: z.string().optional(),
});

export const journeyViewSchema = journeySummarySchema.extend({
  definition: z.unknown().describe('the latest version of the journey document, defaults filled in'),
});
export type JourneyView = z.infer<typeof journeyViewSchema>;

export const journeySummary = (j: Journey): z.infer<typeof journeySummarySchema> => ({
  id: j.id,
  name: j.name,
  status: j.status,
  version: j.version,
  trigger: j.trigger,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
  ...(j.liveSince !== undefined ? { liveSince: j.liveSince } : {}),
});

export const journeyView = (j: Journey, version: JourneyVersion): JourneyView => ({
  ...journeySummary(j),
  definition: version.definition,
});

export const journeyListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  status: journeyStatusSchema.optional(),
});
