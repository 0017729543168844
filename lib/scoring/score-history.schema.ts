/** The score history entry: as stored (written by the scorer) and as the API shows it. */
import * as z from 'zod';
import { keys } from '../shared/keys.ts';

const reason = z.object({
  kind: z.enum(['engagement', 'fit']),
  rule: z.string(),
  points: z.number(),
  note: z.enum(['cap reached', 'period no longer tracked', 'expired']).optional(),
});

const stageChange = z.object({
  from: z.string().optional(),
  to: z.string(),
  by: z.enum(['threshold', 'event', 'manual']),
  rule: z.string().optional(),
});

/** A history entry as stored. */
export const scoreHistoryRecord = z.object({
  pk: z.string(),
  sk: z.string().startsWith(keys.scoreHistoryPrefix),
  type: z.literal('scoreHistory'),
  v: z.literal(1),
  at: z.string(),
  score: z.number(),
  previousScore: z.number(),
  delta: z.number(),
  reasons: z.array(reason),
  stageChange: stageChange.optional(),
});

/** What the API shows of an entry. */
export const scoreHistoryEntryView = z.strictObject({
  id: z.string().describe('the input that caused it: `event:<id>`, `stage:<id>`, `fit:…` or `decay:…`'),
  at: z.string(),
  score: z.number(),
  previousScore: z.number(),
  delta: z.number(),
  reasons: z.array(reason.strict()),
  stageChange: stageChange.strict().optional(),
});
export type ScoreHistoryEntryView = z.infer<typeof scoreHistoryEntryView>;
