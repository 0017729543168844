/**
 * The save-time compiler: MJML to responsive HTML, and HTML to a plain-text part. It runs once per
 * saved version, in the functions that save templates, and never on the send path: `mjml` weighs
 * megabytes and takes ~0.5 s to import (test/infra/template-bundles.test.ts keeps it out of the
 * render path). Liquid passes through both untouched and is rendered per recipient later.
 */
import { convert, type HtmlToTextOptions } from 'html-to-text';
import mjml2html from 'mjml';
import type { TemplateCompiler } from './compile-template.ts';

const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  baseElements: { selectors: ['body'] },
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'img', format: 'skip' },
    // The preheader's hidden preview text: the text part has its own first line.
    { selector: 'div[style*="display:none"]', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
  ],
};

export const mjmlCompiler: TemplateCompiler = {
  async mjml(source, lang) {
    // `ignoreIncludes`: no <mj-include> ever reads a file (the save also refuses them by name).
    const result = await mjml2html(source, {
      validationLevel: 'soft',
      ignoreIncludes: true,
      keepComments: false,
    });
    const html = result.html.replace(/<html lang="und"/, `<html lang="${lang}"`);
    return { html, errors: result.errors.map((e) => ({ line: e.line, message: e.message })) };
  },
  text(html) {
    return convert(html, TEXT_OPTIONS)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  },
};
