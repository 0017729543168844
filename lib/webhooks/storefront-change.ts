/**
 * What a storefront webhook means for ecrm, whatever the provider: the provider-specific mappers
 * (Shopify, WooCommerce, Stripe, generic) turn a verified, parsed payload into these changes, and one
 * set of use cases applies them. Money is always an integer in the currency's minor unit.
 */

export interface Money {
  /** Integer amount in minor units (cents; yen have none, dinars have three). */
  readonly amount: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
}

export type ConsentState = 'subscribed' | 'unsubscribed' | 'pending';

/** A person as the shop knows them. Fields the shop did not send are absent, never empty strings. */
export interface StorefrontCustomer {
  /** The shop's own customer id (unique within one connection). */
  readonly customerId?: string;
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** E.164 when the shop gave a usable number; otherwise absent. */
  readonly phone?: string;
  /** BCP 47, when the shop reports one. */
  readonly locale?: string;
  /** Marketing consent as the shop reports it, per channel, with the time the shop gives. */
  readonly consent?: Partial<Record<'email' | 'sms', { readonly state: ConsentState; readonly at?: string }>>;
  /** The shop's last-modified time for this customer: older updates never overwrite newer state. */
  readonly updatedAt?: string;
}

export interface StorefrontLineItem {
  readonly productId?: string;
  readonly variantId?: string;
  readonly sku?: string;
  readonly name: string;
  readonly quantity: number;
  /** Price of one unit, minor units. */
  readonly unitPrice: number;
  readonly categories?: readonly string[];
}

export type OrderStatus = 'placed' | 'paid' | 'cancelled';

export interface StorefrontOrder {
  readonly orderId: string;
  readonly orderNumber?: string;
  readonly customer: StorefrontCustomer;
  readonly status: OrderStatus;
  readonly currency: string;
  /** What the customer paid (or owes) for the order, minor units. */
  readonly total: number;
  readonly lineItems: readonly StorefrontLineItem[];
  readonly placedAt: string;
  /** The shop's last-modified time for this order. */
  readonly updatedAt: string;
  readonly cancelledAt?: string;
  /** The checkout this order completes, so an abandoned-checkout timer can be cancelled. */
  readonly checkoutId?: string;
  /** Refunded so far according to the shop (minor units), when the payload says. */
  readonly refundedTotal?: number;
}

interface RefundBase {
  readonly refundId: string;
  readonly orderId: string;
  readonly createdAt: string;
}

/** A refund whose currency the shop named: minor units in that currency. */
export interface PricedRefund extends RefundBase {
  readonly amount: number;
  readonly currency: string;
}

/**
 * A refund whose transactions name no currency (Shopify's own documented `refunds/create` sample):
 * decimal amounts in the order's currency, priced when the order is known.
 */
export interface UnpricedRefund extends RefundBase {
  readonly decimalAmounts: readonly (string | number)[];
}

export type StorefrontRefund = PricedRefund | UnpricedRefund;

export interface StorefrontCheckout {
  readonly checkoutId: string;
  readonly customer: StorefrontCustomer;
  readonly currency: string;
  readonly total: number;
  readonly lineItems: readonly StorefrontLineItem[];
  readonly recoveryUrl?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set when the shop reports the checkout completed (an order exists). */
  readonly completedAt?: string;
}

export type StorefrontChange =
  | { readonly kind: 'customer'; readonly customer: StorefrontCustomer }
  | { readonly kind: 'order'; readonly order: StorefrontOrder }
  | { readonly kind: 'refund'; readonly refund: StorefrontRefund }
  | { readonly kind: 'checkout'; readonly checkout: StorefrontCheckout }
  /** Shopify customers/redact: erase this person. */
  | { readonly kind: 'redact-customer'; readonly customer: StorefrontCustomer }
  /** Shopify shop/redact: erase everything this connection brought. */
  | { readonly kind: 'redact-shop' }
  /** Shopify customers/data_request: produce the export of this person. */
  | { readonly kind: 'data-request'; readonly customer: StorefrontCustomer; readonly requestId?: string }
  /** A topic or event type we do not use: accepted and counted, nothing stored on the contact. */
  | { readonly kind: 'ignored'; readonly reason: string };

export type ProviderKind = 'shopify' | 'woocommerce' | 'stripe' | 'generic';

/** A payload that verified but does not have the shape its topic promises: quarantined, not retried. */
export class MappingError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}
