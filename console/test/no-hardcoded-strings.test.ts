/**
 * No string a person reads is written in a component: JSX text with letters, or a literal in a
 * user-visible attribute (aria-label, placeholder, title, alt, label...), fails, naming file and line.
 * Everything shown goes through the catalogues (`t('key')`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'placeholder',
  'title',
  'alt',
  'label',
  'hint',
  'confirmLabel',
]);
const LETTER = /\p{L}/u;

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });

const literalText = (node: ts.Expression | undefined): string | undefined => {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => s.literal.text).join('');
  return undefined;
};

/** Hard-coded strings in one file, as `file:line: text`. */
const hardCodedStrings = (fileName: string, source: string): string[] => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent)) {
      const text = literalText(node.expression);
      if (text && LETTER.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      const text =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init)
            ? literalText(init.expression)
            : undefined;
      if (text && LETTER.test(text)) report(node, `${node.name.getText(file)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

describe('hard-coded strings in the console', () => {
  it('finds JSX text and literal visible attributes (the check itself can fail)', () => {
    const found = hardCodedStrings(
      'x.tsx',
      `const A = () => <div title="Hello"><p>Save</p><i aria-label={'Close'} />{'Done'}<b className="ok">{t('k')}</b>{' · '}</div>;`,
    );
    expect(found).toEqual([
      'x.tsx:1: title="Hello"',
      'x.tsx:1: Save',
      'x.tsx:1: aria-label="Close"',
      'x.tsx:1: Done',
    ]);
  });

  it('has none in console/src', () => {
    const files = tsxFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) => hardCodedStrings(relative(SRC, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
