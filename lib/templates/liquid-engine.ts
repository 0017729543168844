/**
 * The hardened Liquid (LiquidJS) engines every template is parsed and rendered with, at save, in
 * preview and on the send path alike, so a preview is exactly what is sent.
 *
 * Hardening, each proved by test/unit/template-injection.test.ts:
 * - every output is escaped: in HTML as entities (including `{` and `}`, so data never forms Liquid or
 *   SES template syntax), in subject/preheader/text with every control character (CR/LF) replaced by a
 *   space; `raw` does not exist, and `escape` / `escape_once` / `xml_escape` do not escape twice;
 * - unknown filters are a parse error (`strictFilters`), so a template using one is refused at save;
 * - a variable the data lacks fails the render (`strictVariables`; `default` and `if` may test for it);
 * - only own properties are reachable (`ownPropertyOnly`): no `constructor`, `__proto__`, `valueOf`;
 * - templates come only from memory: `include`, `render`, `layout` and `block` are not tags here, and
 *   the engine's template map is empty, and the engine is LiquidJS's browser build (liquidjs-browser.d.ts),
 *   which has no file-system loader at all;
 * - parse, render-time and memory limits bound what one template or one recipient can cost;
 * - `sample` (random) is gone so that a render is a pure function of template and data.
 */
import { type FilterImplOptions, Liquid, type Template } from 'liquidjs/dist/liquid.browser.mjs';
import { controlsToSpace } from '../shared/control-chars.ts';
import type { ShippedLocale } from '../workspaces/email-settings.schema.ts';

/** Whether outputs land in HTML (escaped as entities) or in a plain-text part (control chars become spaces). */
export type OutputMode = 'html' | 'plain';

/** Upper bounds per template source and per render (LiquidJS's DoS limits). */
export const LIQUID_LIMITS = {
  /** Characters parsed in one call (one locale's HTML, subject, preheader or text). */
  parseChars: 200_000,
  /** Milliseconds one render of one part may take. */
  renderMs: 250,
  /** Allocation units (LiquidJS counts string and array growth) one render may use. */
  memory: 5_000_000,
} as const;

const REMOVED_TAGS = ['include', 'render', 'layout', 'block'] as const;
const REMOVED_FILTERS = ['raw', 'sample'] as const;

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
};

/** Liquid's own way of turning a value into text, without its `null`/`undefined` words. */
export const toText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toText).join('');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return '';
};

export const escapeHtml = (value: unknown): string =>
  toText(value).replace(/[&<>"'{}]/g, (c) => HTML_ENTITIES[c] ?? c);

/** Data in a subject, preheader or text part: one line, each run of control characters one space. */
export const plainText = (value: unknown): string => controlsToSpace(toText(value));

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and currency, kept: building an Intl.NumberFormat costs more than a render. */
const currencyFormat = (locale: ShippedLocale, code: string): Intl.NumberFormat => {
  const key = `${locale}:${code}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    currencyFormats.set(key, format);
  }
  return format;
};

/** `{{ cents | money: "EUR" }}`: minor units formatted in the render's locale (1299 → 12,99 €). */
const moneyFilter =
  (locale: ShippedLocale): FilterImplOptions =>
  (value: unknown, currency: unknown) => {
    const amount = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(amount)) return '';
    const code =
      typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'USD';
    let format: Intl.NumberFormat;
    try {
      format = currencyFormat(locale, code);
    } catch {
      // Not a currency Intl knows: the amount in the locale's digits, with the code.
      return `${(amount / 100).toLocaleString(locale)} ${code}`;
    }
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  };

const build = (mode: OutputMode, locale: ShippedLocale): Liquid => {
  const liquid = new Liquid({
    outputEscape: mode === 'html' ? escapeHtml : plainText,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    jsTruthy: false,
    parseLimit: LIQUID_LIMITS.parseChars,
    renderLimit: LIQUID_LIMITS.renderMs,
    memoryLimit: LIQUID_LIMITS.memory,
    locale,
    timezoneOffset: 'UTC',
    cache: false,
  });
  for (const tag of REMOVED_TAGS) delete liquid.tags[tag];
  for (const filter of REMOVED_FILTERS) liquid.unregisterFilter(filter);
  // Output is escaped once by the engine; these would escape it a second time.
  for (const filter of ['escape', 'escape_once', 'xml_escape'])
    liquid.registerFilter(filter, (v: unknown) => v);
  liquid.registerFilter('money', moneyFilter(locale));
  return liquid;
};

const engines = new Map<string, Liquid>();

/** The engine for one output mode and locale (month names, number formats), built once per container. */
export const liquidEngine = (mode: OutputMode, locale: ShippedLocale): Liquid => {
  const key = `${mode}:${locale}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = build(mode, locale);
    engines.set(key, engine);
  }
  return engine;
};

/** Where a Liquid error points in its source, when it knows. */
export interface LiquidProblem {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly message: string;
}

/** LiquidJS's message without the position it appends (`..., line:3, col:5`). */
export const describeLiquidError = (error: unknown): LiquidProblem => {
  if (!(error instanceof Error)) return { message: String(error) };
  const message = error.message.replace(/,?\s*line:\d+,\s*col:\d+$/, '');
  const token: unknown = Reflect.get(error, 'token');
  const position =
    token && typeof token === 'object' && 'getPosition' in token && typeof token.getPosition === 'function'
      ? Reflect.apply(token.getPosition, token, [])
      : undefined;
  if (Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number')
    return { line: position[0], column: position[1], message };
  return { message };
};

/** Parses one source; throws LiquidJS's error (with its position) when it is not valid Liquid. */
export const parseLiquid = (source: string, mode: OutputMode, locale: ShippedLocale): Template[] =>
  liquidEngine(mode, locale).parse(source);
