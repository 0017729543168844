/**
 * Webhook signature verification, one pure function per provider over the raw body bytes and the
 * lower-cased headers, plus the matching signers (for tests and the README's examples).
 *
 * ```ts
 * const result = verifyDelivery(connection.kind, { body, headers, secrets, now: clock.now() });
 * if (!result.ok) → 401 (result.reason, result.detail for the log)
 * else if (result.ping) → 200, nothing stored
 * else if (!result.identified) → store by body hash in quarantine, 2xx
 * else → dedupe on result.deliveryId, store, 2xx
 * ```
 */
import type { ProviderKind } from '../storefront-change.ts';
import { genericHeaders, signGeneric, verifyGeneric } from './generic.ts';
import { signShopify, verifyShopify } from './shopify.ts';
import { signStripe, verifyStripe } from './stripe.ts';
import type { VerifyInput, VerifyResult } from './verification.ts';
import { signWooCommerce, verifyWooCommerce } from './woocommerce.ts';

export type { GenericDelivery } from './generic.ts';
export type {
  CandidateSecret,
  Rejected,
  RejectReason,
  VerifiedDelivery,
  VerifiedUnidentified,
  VerifyInput,
  VerifyResult,
  WooCommercePing,
} from './verification.ts';
export { SIGNATURE_TOLERANCE_SECONDS } from './verification.ts';
export { parseWebhookJson } from './webhook-json.ts';
export { verifyGeneric, verifyShopify, verifyStripe, verifyWooCommerce };

const verifiers: Readonly<Record<ProviderKind, (input: VerifyInput) => VerifyResult>> = {
  shopify: verifyShopify,
  woocommerce: verifyWooCommerce,
  stripe: verifyStripe,
  generic: verifyGeneric,
};

/** Verify a delivery for a connection of `provider`. Never throws on hostile input. */
export const verifyDelivery = (provider: ProviderKind, input: VerifyInput): VerifyResult =>
  verifiers[provider](input);

/** Compute the signature header value each provider would send. */
export const sign = {
  /** `X-Shopify-Hmac-Sha256` */
  shopify: signShopify,
  /** `X-WC-Webhook-Signature` */
  woocommerce: signWooCommerce,
  /** `Stripe-Signature` */
  stripe: signStripe,
  /** `X-Ecrm-Signature` (see genericHeaders for all three headers) */
  generic: signGeneric,
  genericHeaders,
} as const;
