/**
 * One-time timers (EventBridge Scheduler in AWS, the local scheduler on the local stack): "call the
 * scheduled-target function with this input at that time". Names are deterministic, so scheduling
 * the same timer twice is a no-op, never two firings.
 */
export interface Timers {
  /** Create the timer unless one with this name exists. */
  at(name: string, due: Date, input: Record<string, unknown>): Promise<'scheduled' | 'exists'>;
  /** Remove the timer if it has not fired; a missing one is fine. */
  cancel(name: string): Promise<void>;
}
