/**
 * Lifecycle stages: a stage's name, and the default lifecycle in order. A leaf module, so that the
 * condition evaluator (a `stage atLeast` test without an order in its context) and the scoring model
 * can both read it.
 */
import * as z from 'zod';

export const stageNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][\w-]*$/, 'stage names start with a letter: letters, digits, _ and - only');

/** The default lifecycle, in order. */
export const DEFAULT_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
