/**
 * What a template sees (documented in README, "Email templates"):
 * - `contact`: id, email, firstName, lastName, phone, locale, timezone, attributes, tags, purchases,
 *   stage, score — only the fields the contact has (a missing one fails the render unless the
 *   template tests it or gives a `default`);
 * - `workspace`: name, postal_address;
 * - `unsubscribe_url`, `preferences_url` (marketing email only);
 * - `confirm_url` (the double opt-in link, from the sender's `data.confirm_url`);
 * - `data`: what triggered the send (an order, a checkout, the MQL alert's details...);
 * - `locale` (the one rendered) and `preheader` (the rendered preheader, for the HTML's preview text).
 *
 * Data is copied into fresh plain values: only strings, finite numbers, booleans, null, arrays and
 * objects pass, never functions, getters or prototypes, and keys such as `__proto__` or `constructor`
 * are dropped, so nothing data carries can reach a prototype or run.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { RenderInput } from '../email/ports.ts';
import type { ShippedLocale } from '../workspaces/email-settings.schema.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;
const MAX_ENTRIES = 2_000;

/** A deep copy of JSON-like data: plain values only, bounded in depth and size. */
export const plainData = (value: unknown, depth = 0, budget = { left: MAX_ENTRIES }): unknown => {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth >= MAX_DEPTH || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (budget.left-- <= 0) break;
      const copy = plainData(item, depth + 1, budget);
      if (copy !== undefined) out.push(copy);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || budget.left-- <= 0) continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const copy = plainData(descriptor.value, depth + 1, budget);
    if (copy !== undefined) out[key] = copy;
  }
  return out;
};

const contactScope = (c: Contact) => {
  const out: Record<string, unknown> = { id: c.id, attributes: plainData(c.attributes), tags: [...c.tags] };
  const optional = {
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    locale: c.locale,
    timezone: c.timezone,
    purchases: c.purchases ? plainData(c.purchases) : undefined,
    stage: c.score?.stage,
    score: c.score?.score,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== null) out[k] = v;
  return out;
};

export const renderScope = (input: RenderInput, locale: ShippedLocale): Record<string, unknown> => {
  const data = plainData(input.data ?? {});
  const scope: Record<string, unknown> = {
    contact: contactScope(input.contact),
    workspace: {
      name: input.workspaceName,
      ...(input.settings.postalAddress ? { postal_address: input.settings.postalAddress } : {}),
    },
    data,
    locale,
  };
  if (input.links) {
    scope.unsubscribe_url = input.links.unsubscribeUrl;
    scope.preferences_url = input.links.preferencesUrl;
  }
  const confirm = input.data?.confirm_url;
  if (typeof confirm === 'string') scope.confirm_url = confirm;
  return scope;
};
