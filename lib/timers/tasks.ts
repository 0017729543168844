/**
 * What each timer task does: task type → its use case, as data. The fire handler looks the task up
 * here and knows nothing of checkouts, segments or scores.
 */
import type * as z from 'zod';
import { type AbDecideDeps, decideAbTest } from '../campaigns/ab-decide.ts';
import { launchScheduledCampaign } from '../campaigns/campaign-lifecycle.ts';
import type { CampaignStateDeps } from '../campaigns/deps.ts';
import { resumeAfterDailyQuota } from '../campaigns/send/daily-quota.ts';
import { checkFinish } from '../campaigns/send/finish-check.ts';
import type { PipelineDeps } from '../campaigns/send/pipeline-deps.ts';
import { perShard } from '../campaigns/send/work.schema.ts';
import type { AccountQuota } from '../email/send/send-limits.ts';
import { advanceRun } from '../journeys/advance-run.ts';
import { dateFired, type EngineDeps, inactivityFired } from '../journeys/journey-engine.ts';
import { type CheckoutDeps, checkoutTimerFired } from '../orders/abandoned-checkouts.ts';
import { type AttemptDeps, attemptDelivery } from '../outgoing-webhooks/attempt-delivery.ts';
import { type ScoringDeps, scoreContact } from '../scoring/score-contact.ts';
import { type MembershipDeps, updateMembership } from '../segments/update-membership.ts';
import type { Clock } from '../shared/clock.ts';
import {
  isTaskType,
  type TaskInputs,
  type TaskType,
  taskDefinition,
  UnknownTaskError,
} from './task-catalogue.ts';

/** Each capability's dependencies, built only when one of its tasks fires. */
export interface TaskDeps {
  readonly checkout: () => CheckoutDeps;
  readonly membership: () => MembershipDeps;
  readonly scoring: () => ScoringDeps;
  readonly campaigns: () => CampaignStateDeps;
  readonly abTests: () => AbDecideDeps;
  readonly campaignSend: () => PipelineDeps & { readonly readAccount: () => Promise<AccountQuota> };
  readonly journeys: () => EngineDeps & { readonly clock: Clock };
  readonly outgoingWebhooks: () => AttemptDeps;
}

type UseCases = {
  readonly [T in TaskType]: (workspaceId: string, input: TaskInputs[T], deps: TaskDeps) => Promise<string>;
};

export const taskUseCases: UseCases = {
  'checkout-timeout': (workspaceId, input, deps) =>
    checkoutTimerFired({ task: 'checkout-timeout', workspaceId, ...input }, deps.checkout()),
  'segment-recheck': async (workspaceId, input, deps) => {
    const r = await updateMembership(workspaceId, input.contactId, { kind: 'timer' }, deps.membership());
    return `entered ${r.entered.length}, exited ${r.exited.length}`;
  },
  'score-decay': (workspaceId, input, deps) =>
    scoreContact(workspaceId, input.contactId, { kind: 'decay' }, deps.scoring()),
  'campaign-launch': (workspaceId, input, deps) =>
    launchScheduledCampaign(workspaceId, input, deps.campaigns()),
  'campaign-ab-decide': (workspaceId, input, deps) => decideAbTest(workspaceId, input, deps.abTests()),
  'campaign-wave': async (workspaceId, input, deps) => {
    const { campaignId, wave } = input;
    await deps
      .campaignSend()
      .enqueueWork(perShard('dispatch', workspaceId, campaignId).map((w) => ({ ...w, wave })));
    return `wave ${wave} dispatching`;
  },
  'campaign-finish': (workspaceId, input, deps) => checkFinish(workspaceId, input, deps.campaignSend()),
  'campaign-quota-resume': (workspaceId, input, deps) =>
    resumeAfterDailyQuota(workspaceId, input, deps.campaignSend()),
  'journey-step': (workspaceId, input, deps) => advanceRun(workspaceId, input, deps.journeys()),
  'journey-date': (workspaceId, input, deps) => dateFired(workspaceId, input, deps.journeys()),
  'journey-inactivity': (workspaceId, input, deps) => {
    const engine = deps.journeys();
    return inactivityFired(workspaceId, input, engine, engine.clock.now());
  },
  'webhook-retry': async (workspaceId, input, deps) => {
    const { endpointId, deliveryId, attempt } = input;
    const ref = { workspaceId, endpointId, id: deliveryId };
    return `attempt ${attempt}: ${await attemptDelivery(ref, attempt, deps.outgoingWebhooks())}`;
  },
};

/** The catalogue's schemas, typed per task so a parsed input feeds its own use case. */
const inputs: { readonly [T in TaskType]: z.ZodType<TaskInputs[T]> } = {
  'checkout-timeout': taskDefinition('checkout-timeout').input,
  'segment-recheck': taskDefinition('segment-recheck').input,
  'score-decay': taskDefinition('score-decay').input,
  'campaign-launch': taskDefinition('campaign-launch').input,
  'campaign-ab-decide': taskDefinition('campaign-ab-decide').input,
  'campaign-wave': taskDefinition('campaign-wave').input,
  'campaign-finish': taskDefinition('campaign-finish').input,
  'campaign-quota-resume': taskDefinition('campaign-quota-resume').input,
  'journey-step': taskDefinition('journey-step').input,
  'journey-date': taskDefinition('journey-date').input,
  'journey-inactivity': taskDefinition('journey-inactivity').input,
  'webhook-retry': taskDefinition('webhook-retry').input,
};

const runTyped = <T extends TaskType>(workspaceId: string, type: T, raw: unknown, deps: TaskDeps) => {
  const schema: z.ZodType<TaskInputs[T]> = inputs[type];
  const run: UseCases[T] = taskUseCases[type];
  return run(workspaceId, schema.parse(raw), deps);
};

/** Parse a stored task's input with its catalogue schema and run its use case. */
export const runTask =
  (deps: TaskDeps) =>
  (workspaceId: string, task: string, input: unknown): Promise<string> => {
    if (!isTaskType(task)) throw new UnknownTaskError(`no timer task named ${task}`);
    return runTyped(workspaceId, task, input, deps);
  };
