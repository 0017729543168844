/**
 * The default lifecycle, in order. Kept apart, with no imports, so that the condition evaluator (a
 * `stage atLeast` test without an order in its context) and the scoring model can both read it.
 */
export const DEFAULT_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
