/**
 * A workspace's marketing sending status: paused or not and why, its rolling rates, the thresholds.
 * The feedback loop checks the rates after each batch that brought bounces or complaints and pauses
 * before SES would review the account; an operator resumes by hand. Implements the send path's
 * `PausePort`.
 */
import type { Clock } from '../../shared/clock.ts';
import { domainEvent } from '../../shared/events/outbox.ts';
import { type CountersRepository, hourOf } from '../history/counters.repository.ts';
import type { PausePort } from '../ports.ts';
import {
  pauseReason,
  ratesOf,
  SENDING_THRESHOLDS,
  type SendingRates,
  type SendingThresholds,
  windowStart,
} from './sending-health.ts';
import type { SendingState, SendingStateRepository } from './sending-state.repository.ts';

export interface SendingDeps {
  readonly sending: SendingStateRepository;
  readonly counters: CountersRepository;
  readonly clock: Clock;
  readonly thresholds?: SendingThresholds;
}

export interface SendingStatusView {
  readonly status: 'active' | 'paused';
  readonly reason?: string;
  readonly by?: 'rates' | 'operator';
  readonly pausedAt?: string;
  readonly resumedAt?: string;
  readonly window: { readonly from: string; readonly hours: number };
  readonly rates: SendingRates;
  readonly thresholds: { minimumVolume: number; bounceRate: number; complaintRate: number };
}

const currentRates = async (ws: string, state: SendingState | undefined, deps: SendingDeps) => {
  const t = deps.thresholds ?? SENDING_THRESHOLDS;
  const now = deps.clock.now();
  const from = windowStart(now, state?.resumedAt, t.windowHours);
  const outcomes = await deps.counters.outcomesBetween(ws, hourOf(from), hourOf(now));
  return { from, rates: ratesOf(outcomes), thresholds: t };
};

export const sendingStatus = async (ws: string, deps: SendingDeps): Promise<SendingStatusView> => {
  const state = await deps.sending.get(ws);
  const { from, rates, thresholds } = await currentRates(ws, state, deps);
  return {
    status: state?.status ?? 'active',
    ...(state?.status === 'paused' && state.reason ? { reason: state.reason } : {}),
    ...(state?.status === 'paused' && state.by ? { by: state.by } : {}),
    ...(state?.status === 'paused' && state.pausedAt ? { pausedAt: state.pausedAt } : {}),
    ...(state?.resumedAt ? { resumedAt: state.resumedAt } : {}),
    window: { from: hourOf(from), hours: thresholds.windowHours },
    rates,
    thresholds: {
      minimumVolume: thresholds.minimumVolume,
      bounceRate: thresholds.bounceRate,
      complaintRate: thresholds.complaintRate,
    },
  };
};

/**
 * Pause the workspace's marketing email if its rates call for it. Returns the reason when this call
 * paused it (exactly one caller does, however many check at once).
 */
export const checkSendingHealth = async (ws: string, deps: SendingDeps): Promise<string | undefined> => {
  const state = await deps.sending.get(ws);
  if (state?.status === 'paused') return undefined;
  const { rates, thresholds } = await currentRates(ws, state, deps);
  const reason = pauseReason(rates, thresholds);
  if (!reason) return undefined;
  const at = deps.clock.now().toISOString();
  const event = domainEvent(
    'workspace.sending.paused',
    ws,
    {
      reason,
      by: 'rates',
      bounceRate: rates.bounceRate,
      complaintRate: rates.complaintRate,
      volume: rates.volume,
    },
    deps.clock,
  );
  const paused = await deps.sending.pause(
    ws,
    {
      type: 'sendingState',
      v: 1,
      status: 'paused',
      reason,
      by: 'rates',
      pausedAt: at,
      rates,
      ...(state?.resumedAt ? { resumedAt: state.resumedAt } : {}),
      ...(state?.resumedBy ? { resumedBy: state.resumedBy } : {}),
    },
    event,
    state?.resumedAt,
  );
  return paused ? reason : undefined;
};

/** Resume marketing email by hand; the rates count afresh from now. Resuming an active workspace changes nothing. */
export const resumeSending = async (
  ws: string,
  by: string,
  deps: SendingDeps,
): Promise<SendingStatusView> => {
  const state = await deps.sending.get(ws);
  if (state?.status === 'paused') {
    await deps.sending.resume(
      ws,
      {
        type: 'sendingState',
        v: 1,
        status: 'active',
        resumedAt: deps.clock.now().toISOString(),
        resumedBy: by,
      },
      domainEvent('workspace.sending.resumed', ws, { by }, deps.clock),
    );
  }
  return sendingStatus(ws, deps);
};

/** The send path's question: is this workspace's marketing paused, and why. */
export const pausePort = (sending: SendingStateRepository): PausePort => ({
  async marketingPausedFor(workspaceId) {
    const state = await sending.get(workspaceId);
    return state?.status === 'paused'
      ? `marketing email is paused for this workspace: ${state.reason ?? 'by an operator'}; resume it with POST /v1/workspace/sending/resume`
      : undefined;
  },
});
