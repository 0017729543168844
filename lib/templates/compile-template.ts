/**
 * What a save checks and compiles, locale by locale, before a version is stored: every part is valid
 * Liquid with known filters and known variables, the MJML compiles (once, here, never per recipient),
 * the text part exists (generated from the HTML when not given), and a marketing template shows the
 * unsubscribe link and the postal address. Each refusal names its field (`locales.es.mjml`) with the
 * line and the reason.
 */
import type { Template } from 'liquidjs';
import type { EmailKind } from '../email/message-tags.ts';
import { type FieldIssue, ValidationError } from '../shared/errors.ts';
import { SHIPPED_LOCALES, type ShippedLocale } from '../workspaces/email-settings.schema.ts';
import { describeLiquidError, liquidEngine, type OutputMode } from './liquid-engine.ts';
import type { CompiledLocale, LocaleSourceInput, SaveTemplateInput } from './template.schema.ts';

/** The save-time compiler (lib/templates/mjml-compiler.ts): a port so the render path never loads it. */
export interface TemplateCompiler {
  mjml(
    source: string,
    lang: ShippedLocale,
  ): Promise<{ html: string; errors: readonly { line?: number | undefined; message: string }[] }>;
  text(html: string): string;
}

/** The variables a template may read (see render-context.ts); marketing adds the unsubscribe links. */
const COMMON_VARIABLES = ['contact', 'workspace', 'data', 'locale', 'preheader', 'confirm_url'];
const MARKETING_VARIABLES = ['unsubscribe_url', 'preferences_url'];

/** What every marketing email must show, in its HTML and its text part. */
const MARKETING_REQUIRED = [
  { path: 'unsubscribe_url', label: '{{ unsubscribe_url }} (a visible unsubscribe link)' },
  { path: 'workspace.postal_address', label: '{{ workspace.postal_address }} (the postal address)' },
] as const;

/** Largest stored version (DynamoDB items stop at 400 KB). */
export const MAX_VERSION_BYTES = 350_000;

class Issues {
  readonly list: FieldIssue[] = [];
  add(path: string, message: string) {
    this.list.push({ path, message });
  }
}

const at = (line: number | undefined, message: string) =>
  line !== undefined ? `line ${line}: ${message}` : message;

const parse = (
  source: string,
  mode: OutputMode,
  locale: ShippedLocale,
  path: string,
  issues: Issues,
  what = '',
): Template[] | undefined => {
  try {
    return liquidEngine(mode, locale).parse(source);
  } catch (error) {
    const problem = describeLiquidError(error);
    issues.add(path, `${what}${at(problem.line, problem.message)}`);
    return undefined;
  }
};

/** The global variables a parsed template reads, with each full path it reads them by. */
const readsOf = (templates: Template[], locale: ShippedLocale) => {
  const analysis = liquidEngine('html', locale).analyzeSync(templates);
  const globals = Object.keys(analysis.globals);
  const paths = Object.values(analysis.globals)
    .flat()
    .map((v) => v.segments.filter((s) => typeof s === 'string' || typeof s === 'number').join('.'));
  return { globals, paths };
};

const checkVariables = (
  templates: Template[],
  locale: ShippedLocale,
  kind: EmailKind,
  path: string,
  issues: Issues,
) => {
  const allowed = kind === 'marketing' ? [...COMMON_VARIABLES, ...MARKETING_VARIABLES] : COMMON_VARIABLES;
  for (const name of readsOf(templates, locale).globals) {
    if (allowed.includes(name)) continue;
    const hint = MARKETING_VARIABLES.includes(name)
      ? `${name} exists only in marketing templates (transactional email carries no unsubscribe link)`
      : `unknown variable ${name}: a template reads ${allowed.join(', ')} (and what it assigns)`;
    issues.add(path, hint);
  }
};

const checkMarketing = (templates: Template[], locale: ShippedLocale, path: string, issues: Issues) => {
  const { paths } = readsOf(templates, locale);
  for (const required of MARKETING_REQUIRED) {
    if (!paths.includes(required.path)) issues.add(path, `a marketing template must show ${required.label}`);
  }
};

const HIDDEN_PREHEADER =
  '<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;">{{ preheader }}</div>';

/**
 * The preheader as the inbox's preview text, when the body does not place it itself: an
 * `<mj-preview>` in MJML, a hidden first element in HTML. Inserted on the line of the tag it follows,
 * so the lines a refusal names stay those the marketer wrote.
 */
export const withPreheader = (source: string, format: 'mjml' | 'html'): string => {
  if (/\{\{-?\s*preheader\b/.test(source) || /<mj-preview\b/i.test(source)) return source;
  const insertAfter = (pattern: RegExp, insert: string) => {
    const match = pattern.exec(source);
    if (!match) return undefined;
    const end = match.index + match[0].length;
    return `${source.slice(0, end)}${insert}${source.slice(end)}`;
  };
  if (format === 'mjml') {
    return (
      insertAfter(/<mj-head\b[^>]*>/i, '<mj-preview>{{ preheader }}</mj-preview>') ??
      insertAfter(/<mjml\b[^>]*>/i, '<mj-head><mj-preview>{{ preheader }}</mj-preview></mj-head>') ??
      source
    );
  }
  return insertAfter(/<body\b[^>]*>/i, HIDDEN_PREHEADER) ?? `${HIDDEN_PREHEADER}${source}`;
};

const compileLocale = async (
  locale: ShippedLocale,
  input: LocaleSourceInput,
  kind: EmailKind,
  compiler: TemplateCompiler,
  issues: Issues,
): Promise<CompiledLocale | undefined> => {
  const base = `locales.${locale}`;
  const format = input.mjml !== undefined ? 'mjml' : 'html';
  const source = input.mjml ?? input.html ?? '';
  const sourcePath = `${base}.${format}`;
  const before = issues.list.length;

  for (const [field, value] of [
    ['subject', input.subject],
    ['preheader', input.preheader],
  ] as const) {
    if (value === undefined) continue;
    const parsed = parse(value, 'plain', locale, `${base}.${field}`, issues);
    if (parsed) checkVariables(parsed, locale, kind, `${base}.${field}`, issues);
  }
  // Liquid is checked on the source as written, so lines point where the marketer typed them.
  const parsedSource = parse(source, 'html', locale, sourcePath, issues);
  if (parsedSource) checkVariables(parsedSource, locale, kind, sourcePath, issues);
  const givenText =
    input.text !== undefined ? parse(input.text, 'plain', locale, `${base}.text`, issues) : undefined;
  if (givenText) checkVariables(givenText, locale, kind, `${base}.text`, issues);
  if (issues.list.length > before) return undefined;

  let html = input.preheader !== undefined ? withPreheader(source, format) : source;
  if (format === 'mjml') {
    const include = /<mj-include\b/i.exec(source);
    if (include) {
      const line = source.slice(0, include.index).split('\n').length;
      issues.add(sourcePath, at(line, 'mj-include is not allowed: a template is self-contained'));
      return undefined;
    }
    const compiled = await compiler.mjml(html, locale);
    for (const e of compiled.errors) issues.add(sourcePath, at(e.line, e.message));
    if (compiled.errors.length > 0) return undefined;
    html = compiled.html;
    if (!parse(html, 'html', locale, sourcePath, issues, 'the compiled HTML is not valid Liquid: '))
      return undefined;
  }
  let text = input.text;
  let textGenerated = false;
  let parsedText = givenText;
  if (text === undefined) {
    text = compiler.text(html);
    textGenerated = true;
    parsedText = parse(
      text,
      'plain',
      locale,
      `${base}.text`,
      issues,
      'the text generated from the HTML is not valid Liquid (give a text part): ',
    );
    if (!parsedText) return undefined;
  }
  if (kind === 'marketing' && parsedSource && parsedText) {
    checkMarketing(parsedSource, locale, sourcePath, issues);
    if (!textGenerated) checkMarketing(parsedText, locale, `${base}.text`, issues);
  }
  return {
    subject: input.subject,
    ...(input.preheader !== undefined ? { preheader: input.preheader } : {}),
    format,
    source,
    html,
    text,
    textGenerated,
  };
};

/** Every locale compiled, or a ValidationError naming each wrong field with its line and reason. */
export const compileTemplate = async (
  input: SaveTemplateInput,
  compiler: TemplateCompiler,
): Promise<Partial<Record<ShippedLocale, CompiledLocale>>> => {
  const issues = new Issues();
  const out: Partial<Record<ShippedLocale, CompiledLocale>> = {};
  for (const [locale, source] of Object.entries(input.locales)) {
    const shipped = SHIPPED_LOCALES.find((l) => l === locale);
    if (!shipped || !source) continue;
    const compiled = await compileLocale(shipped, source, input.kind, compiler, issues);
    if (compiled) out[shipped] = compiled;
  }
  if (issues.list.length > 0) {
    const first = issues.list[0];
    throw new ValidationError(`invalid template: ${first?.path}: ${first?.message}`, issues.list);
  }
  const bytes = Buffer.byteLength(JSON.stringify(out));
  if (bytes > MAX_VERSION_BYTES) {
    throw new ValidationError(
      `the template is ${Math.round(bytes / 1024)} KB compiled; a version holds at most ${MAX_VERSION_BYTES / 1000} KB`,
      [{ path: 'locales', message: 'too large once compiled: fewer locales or a lighter layout' }],
    );
  }
  return out;
};
