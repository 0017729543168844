/**
 * A journey's report: its runs (entered, in progress, and how they ended), the revenue of the goals
 * orders reached, and per step of its latest version what it is, with each email step's messages and
 * their engagement (the email counters of origin `journey`, `<journeyId>-<stepId>`).
 */
import * as z from 'zod';
import type { Counts } from '../email/history/counters.repository.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { JourneyCountersRepository } from './journey-counters.repository.ts';
import type { JourneysRepository } from './journeys.repository.ts';

const count = z.number().int();

export const journeyReportSchema = z.strictObject({
  journeyId: z.string(),
  version: z.number().int().describe('the latest version, whose steps are listed'),
  runs: z.strictObject({
    entered: count,
    inProgress: count,
    completed: count.describe('reached the end of the journey'),
    goal: count.describe('ended early: the goal was met'),
    exited: count.describe('left at an exit step (or their contact was gone)'),
    unsubscribed: count.describe('cancelled: the contact unsubscribed from marketing email'),
    suppressed: count.describe('cancelled: the contact bounced or complained'),
  }),
  revenue: z
    .array(z.strictObject({ currency: z.string(), amount: count.describe('minor units') }))
    .describe('the order value of the goals reached, per currency'),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      type: z.string(),
      emails: z
        .strictObject({
          sent: count,
          delivered: count,
          opened: count,
          clicked: count,
          bounced: count,
          complained: count,
          unsubscribed: count,
        })
        .optional()
        .describe('an email step’s messages and their engagement'),
    }),
  ),
});
export type JourneyReport = z.infer<typeof journeyReportSchema>;

export interface ReportDeps {
  readonly journeys: Pick<JourneysRepository, 'get' | 'getVersion'>;
  readonly counters: Pick<JourneyCountersRepository, 'totals'>;
  readonly emails: { originTotals(ws: string, origin: string, originId: string): Promise<Counts> };
}

export const journeyReport = async (
  workspaceId: string,
  journeyId: string,
  deps: ReportDeps,
): Promise<JourneyReport> => {
  const journey = await deps.journeys.get(workspaceId, journeyId);
  if (!journey) throw new NotFoundError(`no journey ${journeyId}`);
  const [version, totals] = await Promise.all([
    deps.journeys.getVersion(workspaceId, journeyId, journey.version),
    deps.counters.totals(workspaceId, journeyId),
  ]);
  const steps = await Promise.all(
    (version?.definition.steps ?? []).map(async (step) => {
      if (step.type !== 'email') return { id: step.id, type: step.type };
      const c = await deps.emails.originTotals(workspaceId, 'journey', `${journeyId}-${step.id}`);
      return {
        id: step.id,
        type: step.type,
        emails: {
          sent: c.sent ?? 0,
          delivered: c.delivered ?? 0,
          opened: c.opened ?? 0,
          clicked: c.clicked ?? 0,
          bounced: c.bounced ?? 0,
          complained: c.complained ?? 0,
          unsubscribed: c.unsubscribed ?? 0,
        },
      };
    }),
  );
  const ended = Object.values(totals.ended).reduce((a, b) => a + b, 0);
  return {
    journeyId,
    version: journey.version,
    runs: {
      entered: totals.entered,
      inProgress: Math.max(0, totals.entered - ended),
      completed: totals.ended.completed,
      goal: totals.ended.goal,
      exited: totals.ended.exit,
      unsubscribed: totals.ended.unsubscribed,
      suppressed: totals.ended.suppressed,
    },
    revenue: Object.entries(totals.revenue)
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    steps,
  };
};
