/**
 * Who is in an A/B test, and with which variant: a pure function of the campaign id and the contact
 * id (SHA-256 of both), so a snapshot that runs again (a retry, a resumed page) puts everyone exactly
 * where the first run did, and no table lookup is needed.
 *
 * The hash picks one of 10,000 buckets: the first `testShare` × 100 buckets are the test (wave 0),
 * dealt round-robin to the variants so each gets an even part of it; the others are the rest
 * (wave 1), sent the winner once the test is decided. Distinct campaigns hash differently, so the
 * same contacts are not always the ones tested.
 */
import { createHash } from 'node:crypto';
import type { AbTest } from './ab-test.schema.ts';

/** Wave 0: the test (with a variant); wave 1: the rest, held back until the winner is known. */
export const AB_TEST_WAVE = 0;
export const AB_REST_WAVE = 1;

export type AbAssignment = { readonly wave: 0; readonly variant: number } | { readonly wave: 1 };

const BUCKETS = 10_000;

/** A contact's place in a campaign's A/B test. */
export const abAssignment = (
  campaignId: string,
  contactId: string,
  abTest: Pick<AbTest, 'testShare' | 'variants'>,
): AbAssignment => {
  const digest = createHash('sha256').update(`${campaignId}\n${contactId}`).digest();
  const bucket = digest.readUInt32BE(0) % BUCKETS;
  if (bucket >= abTest.testShare * (BUCKETS / 100)) return { wave: AB_REST_WAVE };
  return { wave: AB_TEST_WAVE, variant: bucket % abTest.variants.length };
};

/**
 * The per-recipient columns of one chunk of an A/B test campaign (chunks.repository.ts `create`):
 * each contact's wave and variant (0 for the rest: they are sent the winner, whichever it is).
 */
export const abChunkColumns = (
  campaignId: string,
  contacts: readonly string[],
  abTest: Pick<AbTest, 'testShare' | 'variants'>,
): { readonly waves: number[]; readonly variants: number[] } => {
  const placed = contacts.map((c) => abAssignment(campaignId, c, abTest));
  return {
    waves: placed.map((a) => a.wave),
    variants: placed.map((a) => (a.wave === AB_TEST_WAVE ? a.variant : 0)),
  };
};

/**
 * Whether a wave of an A/B test campaign may be dispatched (at launch, or again on resume): the test
 * wave at once, the rest's only once the winner is recorded.
 */
export const abWaveIsDue = (abTest: Pick<AbTest, 'winner'>, wave: number): boolean =>
  wave === AB_TEST_WAVE || abTest.winner !== undefined;
