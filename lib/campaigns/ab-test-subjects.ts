/**
 * An A/B variant's subject is Liquid, parsed by the same hardened engine as a template's subject:
 * one that does not parse (an unknown filter, an unclosed tag) is refused when the campaign is saved,
 * not found out recipient by recipient while it sends.
 */
import type { FieldIssue } from '../shared/errors.ts';
import { describeLiquidError, parseLiquid } from '../templates/liquid-engine.ts';
import type { AbTestInput } from './ab-test.schema.ts';

export const abSubjectIssues = (
  abTest:
    | { readonly variants: readonly Pick<AbTestInput['variants'][number], 'subject'>[] }
    | null
    | undefined,
): FieldIssue[] =>
  (abTest?.variants ?? []).flatMap((v, i) => {
    if (v.subject === undefined) return [];
    try {
      parseLiquid(v.subject, 'plain', 'en');
      return [];
    } catch (error) {
      return [
        {
          path: `abTest.variants[${i}].subject`,
          message: `not valid Liquid: ${describeLiquidError(error).message}`,
        },
      ];
    }
  });
