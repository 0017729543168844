/**
 * Provider payloads to storefront changes. Each mapper parses only the fields it needs (unknown
 * fields are never copied anywhere), returns `{ kind: 'ignored' }` for topics ecrm does not use, and
 * throws MappingError (path + message) when a topic it uses lacks what that topic promises: the
 * caller quarantines the delivery. Parse bodies with parseWebhookJson (verify/webhook-json.ts) so
 * Shopify ids beyond 2^53 keep their digits.
 */
import type { ProviderKind, StorefrontChange } from '../storefront-change.ts';
import { mapGeneric } from './generic.ts';
import { mapShopify } from './shopify.ts';
import { mapStripe } from './stripe.ts';
import { mapWooCommerce } from './woocommerce.ts';

export { GENERIC_TOPICS, mapGeneric } from './generic.ts';
export { mapShopify } from './shopify.ts';
export { mapStripe } from './stripe.ts';
export { mapWooCommerce } from './woocommerce.ts';

const mappers: Readonly<Record<ProviderKind, (topic: string, payload: unknown) => StorefrontChange[]>> = {
  shopify: mapShopify,
  woocommerce: mapWooCommerce,
  stripe: mapStripe,
  generic: mapGeneric,
};

/**
 * The changes a verified, parsed delivery of `provider` means.
 * @throws MappingError for a used topic whose payload lacks what it promises (quarantine it).
 */
export const mapDelivery = (provider: ProviderKind, topic: string, payload: unknown): StorefrontChange[] =>
  mappers[provider](topic, payload);
