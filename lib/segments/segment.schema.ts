/** Segments: a saved condition (dynamic) or an explicit list (static), with exact membership. */
import * as z from 'zod';
import { conditionSchema } from '../conditions/condition.schema.ts';

export const segmentIdSchema = z.string().regex(/^sg_[0-9a-z]{26}$/, 'not a segment id');

export const createSegmentBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    kind: z.enum(['dynamic', 'static']).default('dynamic'),
    condition: conditionSchema.optional(),
  })
  .refine((b) => (b.kind === 'dynamic') === (b.condition !== undefined), {
    message: 'a dynamic segment needs a condition; a static one takes none',
    path: ['condition'],
  });

export const updateSegmentBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(500).optional(),
  condition: conditionSchema.optional(),
});

export const rebuildState = z.object({
  status: z.enum(['running', 'done']),
  ruleVersion: z.number().int(),
  /** Next shard of the contact listing to read, and where in it. */
  shard: z.number().int(),
  cursor: z.string().optional(),
  processed: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type RebuildState = z.infer<typeof rebuildState>;

export const segmentRecord = z.object({
  type: z.literal('segment'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kind: z.enum(['dynamic', 'static']),
  /** Stored as given; parsed with `parseCondition` when read. */
  condition: z.unknown().optional(),
  /** Incremented on every rule change; memberships and rebuilds carry the version they came from. */
  ruleVersion: z.number().int(),
  rebuild: rebuildState.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SegmentRecord = z.infer<typeof segmentRecord>;

/** A rebuild's progress as the API shows it (where the scan stands is the rebuild's own business). */
export const rebuildView = z.strictObject({
  status: z.enum(['running', 'done']),
  ruleVersion: z.number().int(),
  processed: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});

/** A segment as the API returns it. */
export const segmentViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kind: z.enum(['dynamic', 'static']),
  condition: z.unknown().optional().describe('the condition document, as saved'),
  ruleVersion: z.number().int(),
  rebuild: rebuildView.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const segmentView = (s: SegmentRecord): z.infer<typeof segmentViewSchema> => ({
  id: s.id,
  name: s.name,
  ...(s.description ? { description: s.description } : {}),
  kind: s.kind,
  ...(s.condition !== undefined ? { condition: s.condition } : {}),
  ruleVersion: s.ruleVersion,
  ...(s.rebuild
    ? {
        rebuild: {
          status: s.rebuild.status,
          ruleVersion: s.rebuild.ruleVersion,
          processed: s.rebuild.processed,
          entered: s.rebuild.entered,
          exited: s.rebuild.exited,
          startedAt: s.rebuild.startedAt,
          ...(s.rebuild.finishedAt ? { finishedAt: s.rebuild.finishedAt } : {}),
        },
      }
    : {}),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** An import's progress as the API returns it (never the stored file). */
export const importViewSchema = z.strictObject({
  id: z.string(),
  segmentId: z.string(),
  status: z.enum(['running', 'done']),
  total: z.number().int(),
  processed: z.number().int(),
  added: z.number().int(),
  errors: z.array(z.strictObject({ line: z.number().int(), message: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
