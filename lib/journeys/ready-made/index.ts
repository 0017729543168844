/**
 * The ready-made journeys, in the order the catalogue lists them: each built from the shipped
 * templates, switched on in a workspace with one call (`POST /v1/journeys/ready-made/{name}`).
 */
import { abandonedCheckout } from './abandoned-checkout.ts';
import { birthday } from './birthday.ts';
import { leadNurture } from './lead-nurture.ts';
import { postPurchase } from './post-purchase.ts';
import type { ReadyMade } from './ready-made.ts';
import { welcome } from './welcome.ts';
import { winBack } from './win-back.ts';

export const READY_MADE: readonly ReadyMade[] = [
  welcome,
  abandonedCheckout,
  postPurchase,
  winBack,
  birthday,
  leadNurture,
];

export const readyMadeNamed = (name: string): ReadyMade | undefined =>
  READY_MADE.find((r) => r.name === name);
