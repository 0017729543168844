/**
 * The send path's frequency-cap step (send-batch.ts), between the claim and the SES call: the
 * recipients just claimed are counted against their contacts' caps; those over it are taken out of
 * the batch and settled `capped`; after SES's answer, the counts of sends not made are given back.
 *
 * Counting after the claim means a redelivered request, which finds its claims, never counts a
 * recipient twice; a crash between the count and SES's answer leaves it counted: one email fewer,
 * never one too many.
 */
import type { Clock } from '../../shared/clock.ts';
import type { FrequencyCap } from '../../workspaces/email-settings.schema.ts';
import type { ClaimStore, Settlement } from './claims.ts';
import { FREQUENCY_CAP_REASON } from './frequency-cap.ts';
import type { CappedSend, FrequencyCaps, OutgoingEmail } from './ports.ts';

export interface CapStep {
  /** The recipients under the cap, counted: what goes to SES. */
  readonly toSend: readonly OutgoingEmail[];
  /** The recipients over the cap, to settle with the others (never sent). */
  readonly capped: readonly (Settlement & { readonly outcome: 'capped' })[];
  /** The counts taken, for `giveBackUnsent`. */
  readonly counted: readonly CappedSend[];
}

/**
 * Counts `claimed` against the cap. When counting fails, the claims are released (nothing went to
 * SES, so the retry counts and sends them) and the error is thrown.
 */
export const countAgainstCap = async (
  ws: string,
  claimed: readonly OutgoingEmail[],
  cap: FrequencyCap,
  deps: { readonly caps: FrequencyCaps; readonly clock: Clock },
  claims: ClaimStore,
): Promise<CapStep> => {
  let counted: CappedSend[];
  try {
    const recipients = claimed.map((e) => ({ contactId: e.contactId, messageId: e.messageId }));
    counted = await deps.caps.count(ws, recipients, cap, deps.clock.now());
  } catch (error) {
    await claims.settle(
      ws,
      claimed.map((e) => ({ contactId: e.contactId, messageId: e.messageId, outcome: 'released' })),
    );
    throw error;
  }
  const ids = new Set(counted.map((c) => c.messageId));
  const at = deps.clock.now().toISOString();
  return {
    toSend: claimed.filter((e) => ids.has(e.messageId)),
    capped: claimed.flatMap((e) =>
      ids.has(e.messageId)
        ? []
        : [
            {
              contactId: e.contactId,
              messageId: e.messageId,
              outcome: 'capped',
              reason: FREQUENCY_CAP_REASON,
              at,
            } as const,
          ],
    ),
    counted,
  };
};

/**
 * Uncounts the sends that were not made: failed for good, or released to be sent (and counted) again.
 * Best effort: a count left behind only ever holds back an email, never sends one too many.
 */
export const giveBackUnsent = async (
  ws: string,
  counted: readonly CappedSend[],
  settlements: readonly Settlement[],
  caps: FrequencyCaps,
): Promise<void> => {
  const unsent = new Set(
    settlements.flatMap((s) => (s.outcome === 'failed' || s.outcome === 'released' ? [s.messageId] : [])),
  );
  const back = counted.filter((c) => unsent.has(c.messageId));
  if (back.length > 0) await caps.giveBack(ws, back).catch(() => undefined);
};
