/**
 * Which recipients of one wave of a chunk go out with which template and subject. A campaign without
 * an A/B test sends one group (its template). With a test, the test wave (0) sends each recipient its
 * own variant, one group per variant, each tagged with the variant so its opens and clicks are counted
 * apart; the rest's wave (1) waits for the decision, then sends everyone the winner (untagged: the
 * variants' figures stay those of the test). Pure.
 */

import { AB_TEST_WAVE } from '../ab-assignment.ts';
import type { AbTestToSend } from '../ab-test.ts';

export interface VariantGroup {
  readonly template: { readonly templateId: string; readonly version: number };
  readonly subject?: string | undefined;
  /** The variant tagged on each email (test wave only). */
  readonly variant?: number | undefined;
  /** Positions in the chunk. */
  readonly positions: readonly number[];
}

export type VariantGroups =
  | { readonly groups: readonly VariantGroup[] }
  /** The rest's wave before the winner is known: nothing goes yet. */
  | { readonly waiting: string };

export const variantGroups = (
  positions: readonly number[],
  wave: number,
  chunkVariants: readonly number[] | undefined,
  template: VariantGroup['template'],
  abTest: AbTestToSend | undefined,
): VariantGroups => {
  if (!abTest) return { groups: [{ template, positions }] };
  if (wave !== AB_TEST_WAVE) {
    const winner = abTest.winner === undefined ? undefined : abTest.variants[abTest.winner];
    if (!winner) return { waiting: 'the A/B test has no winner yet' };
    return { groups: [{ template: winner.template, subject: winner.subject, positions }] };
  }
  const byVariant = new Map<number, number[]>();
  for (const i of positions) {
    const v = chunkVariants?.[i] ?? 0;
    byVariant.set(v, [...(byVariant.get(v) ?? []), i]);
  }
  return {
    groups: [...byVariant].map(([variant, at]) => {
      const chosen = abTest.variants[variant] ?? abTest.variants[0];
      if (!chosen) throw new Error('an A/B test without variants');
      return { template: chosen.template, subject: chosen.subject, variant, positions: at };
    }),
  };
};
