/**
 * Rendering a saved template version for one recipient: pure and synchronous, the same code for the
 * send path and the preview. Only Liquid runs here (the MJML was compiled at save); this module and
 * what it imports never load `mjml` or `html-to-text` (test/infra/template-bundles.test.ts).
 */
import type { Template } from 'liquidjs';
import type { LoadedTemplate, RenderInput, RenderOutcome } from '../email/ports.ts';
import { SHIPPED_LOCALES, type ShippedLocale } from '../workspaces/email-settings.schema.ts';
import { describeLiquidError, escapeHtml, liquidEngine, type OutputMode } from './liquid-engine.ts';
import { resolveLocale } from './locale.ts';
import { renderScope } from './render-context.ts';
import type { CompiledLocale, TemplateVersionRecord } from './template.schema.ts';

interface ParsedLocale {
  readonly subject: Template[];
  readonly preheader?: Template[] | undefined;
  readonly html: Template[];
  readonly text: Template[];
}

type Part = keyof ParsedLocale;

const parseLocale = (locale: ShippedLocale, l: CompiledLocale): ParsedLocale => {
  const parse = (source: string, mode: OutputMode) => liquidEngine(mode, locale).parse(source);
  return {
    subject: parse(l.subject, 'plain'),
    preheader: l.preheader !== undefined ? parse(l.preheader, 'plain') : undefined,
    html: parse(l.html, 'html'),
    text: parse(l.text, 'plain'),
  };
};

/** Why one part failed for this recipient, in words a marketer can act on. */
const failure = (part: Part, locale: ShippedLocale, error: unknown): string => {
  const problem = describeLiquidError(error);
  const where = problem.line !== undefined ? ` (line ${problem.line})` : '';
  const missing = /^undefined variable: (.+)$/.exec(problem.message);
  if (missing) return `missing data: ${missing[1]} is not set, needed by the ${locale} ${part}${where}`;
  return `the ${locale} ${part} could not be rendered${where}: ${problem.message}`;
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const regexText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Why a rendered marketing email does not show its unsubscribe link and the postal address, if it
 * does not. The save only checks that the template names them; a template can still keep them out of
 * sight (`{% if false %}`, an HTML comment, `| size`), so the rendered parts are checked: the link as
 * an `href` in the HTML outside comments and in the text part, every line of the address in both.
 */
const unshownMarketingParts = (
  html: string,
  text: string,
  unsubscribeUrl: string,
  postalAddress: string,
): string | undefined => {
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const href = new RegExp(`href\\s*=\\s*["']?${regexText(escapeHtml(unsubscribeUrl))}["'\\s>]`, 'i');
  if (!href.test(visible)) return 'a marketing email must show its unsubscribe link in the HTML (an href)';
  if (!text.includes(unsubscribeUrl))
    return 'a marketing email must show its unsubscribe link in the text part';
  for (const line of postalAddress
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (!visible.includes(escapeHtml(line)) || !text.includes(line))
      return 'a marketing email must show the workspace postal address in the HTML and the text part';
  }
  return undefined;
};

/**
 * A loaded version: each locale is parsed on first use and kept (versions never change). Marketing
 * email without the recipient's unsubscribe links or the workspace's postal address is not rendered:
 * it must not go out.
 */
export const loadVersion = (version: TemplateVersionRecord): LoadedTemplate => {
  const parsed = new Map<ShippedLocale, ParsedLocale>();
  /** Subjects given instead of the template's (A/B variants), parsed once per locale. */
  const subjects = new Map<string, Template[]>();
  const subjectOverride = (locale: ShippedLocale, source: string): Template[] => {
    const key = `${locale}\n${source}`;
    let tpl = subjects.get(key);
    if (!tpl) {
      tpl = liquidEngine('plain', locale).parse(source);
      subjects.set(key, tpl);
    }
    return tpl;
  };
  const available = SHIPPED_LOCALES.filter((l) => version.locales[l] !== undefined);
  return {
    ref: { templateId: version.templateId, version: version.version },
    kind: version.kind,
    topic: version.topic,
    render(input: RenderInput): RenderOutcome {
      const locale = resolveLocale(input.contact.locale, available, input.settings.defaultLocale);
      const source = locale ? version.locales[locale] : undefined;
      if (!locale || !source) return { ok: false, reason: 'the template has no locale to render' };
      if (version.kind === 'marketing') {
        if (!input.links) return { ok: false, reason: 'a marketing email needs the unsubscribe links' };
        if (!input.settings.postalAddress)
          return { ok: false, reason: 'a marketing email needs the workspace postal address' };
      }
      let templates = parsed.get(locale);
      if (!templates) {
        try {
          templates = parseLocale(locale, source);
        } catch (error) {
          return { ok: false, reason: failure('html', locale, error) };
        }
        parsed.set(locale, templates);
      }
      if (input.subject !== undefined) {
        try {
          templates = { ...templates, subject: subjectOverride(locale, input.subject) };
        } catch (error) {
          return { ok: false, reason: failure('subject', locale, error) };
        }
      }
      const parts = templates;
      const scope: Record<string, unknown> = renderScope(input, locale);
      const run = (part: Part, mode: OutputMode): string => {
        const tpl = parts[part];
        if (!tpl) return '';
        try {
          const out: unknown = liquidEngine(mode, locale).renderSync(tpl, scope);
          return typeof out === 'string' ? out : '';
        } catch (error) {
          throw new Error(failure(part, locale, error));
        }
      };
      try {
        const subject = oneLine(run('subject', 'plain'));
        const preheader = templates.preheader ? oneLine(run('preheader', 'plain')) : undefined;
        // The HTML shows the preheader as its hidden preview text (`<mj-preview>{{ preheader }}</mj-preview>`).
        scope.preheader = preheader ?? '';
        const html = run('html', 'html');
        const text = run('text', 'plain');
        if (!subject) return { ok: false, reason: `the ${locale} subject renders empty` };
        if (version.kind === 'marketing' && input.links && input.settings.postalAddress) {
          const unshown = unshownMarketingParts(
            html,
            text,
            input.links.unsubscribeUrl,
            input.settings.postalAddress,
          );
          if (unshown) return { ok: false, reason: `the ${locale} ${unshown}` };
        }
        return { ok: true, email: { subject, preheader, html, text, locale } };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
};
