import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportCycles, listSourceFiles, moduleSpecifiers } from '../../scripts/import-cycles.ts';

const DIRS = ['lib', 'test'];
const roots: string[] = [];

/** A throwaway project with the given files (path → source). */
const project = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'ecrm-cycles-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('import cycle finder', () => {
  it('finds a cycle made of type-only imports across folders, with `.ts` specifiers', () => {
    const root = project({
      'lib/contacts/contact.schema.ts':
        "import type { Ledger } from '../scoring/ledger.ts';\nexport type C = Ledger;\n",
      'lib/scoring/ledger.ts':
        "import type { Rule } from '../segments/rule.ts';\nexport type Ledger = Rule[];\n",
      'lib/segments/rule.ts':
        "import type { C } from '../contacts/contact.schema.ts';\nexport type Rule = C;\n",
      'lib/segments/leaf.ts': 'export const x = 1;\n',
    });

    const cycles = findImportCycles(root, DIRS);

    expect(cycles).toEqual([
      {
        files: ['lib/contacts/contact.schema.ts', 'lib/scoring/ledger.ts', 'lib/segments/rule.ts'],
        path: [
          'lib/contacts/contact.schema.ts',
          'lib/scoring/ledger.ts',
          'lib/segments/rule.ts',
          'lib/contacts/contact.schema.ts',
        ],
      },
    ]);
  });

  it('follows re-exports, dynamic imports, import types and self-imports', () => {
    const root = project({
      'lib/a.ts': "export * from './b.ts';\n",
      'lib/b.ts': "export const load = () => import('./a.ts');\n",
      'lib/c.ts': "export type T = import('./d.ts').U;\n",
      'lib/d.ts': "export type U = import('./c.ts').T | 1;\n",
      'test/self.ts': "import * as me from './self.ts';\nexport const y = me;\n",
    });

    const cycles = findImportCycles(root, DIRS).map((cycle) => cycle.files);

    expect(cycles).toHaveLength(3);
    expect(cycles).toContainEqual(['lib/a.ts', 'lib/b.ts']);
    expect(cycles).toContainEqual(['lib/c.ts', 'lib/d.ts']);
    expect(cycles).toContainEqual(['test/self.ts']);
  });

  it('passes a project whose shared values sit in a leaf module', () => {
    const root = project({
      'lib/shared/values/email.schema.ts': 'export const email = 1;\n',
      'lib/contacts/contact.schema.ts':
        "import { email } from '../shared/values/email.schema.ts';\nexport const c = email;\n",
      'lib/events/track.schema.ts':
        "import { email } from '../shared/values/email.schema.ts';\nimport { c } from '../contacts/contact.schema.ts';\nexport const t = email + c;\n",
      'lib/uses-a-package.ts': "import * as z from 'zod';\nexport const s = z;\n",
    });

    expect(findImportCycles(root, DIRS)).toEqual([]);
  });

  it('reads every kind of module specifier', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C } from './c.ts';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "import f = require('./f.ts');",
      "const g = await import('./g.ts');",
      "type H = import('./h.ts').H;",
      "import './i.ts';",
    ].join('\n');

    expect(moduleSpecifiers('x.ts', text)).toEqual([
      './a.ts',
      './b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
      './g.ts',
      './h.ts',
      './i.ts',
    ]);
  });
});

describe('the lint step', () => {
  const check = (root: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-import-cycles.ts', root], {
      encoding: 'utf8',
    });

  it('fails on a cycle, naming the files', () => {
    const root = project({
      'lib/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'lib/b.ts': "import type { A } from './a.ts';\nexport type B = A | 1;\n",
    });

    const run = check(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Import cycle among 2 files: lib/a.ts -> lib/b.ts -> lib/a.ts');
  }, 60_000); // a child Node process loading the TypeScript compiler: seconds alone, more on a busy machine
});

describe('leaf modules', () => {
  it('value schemas and the score ledger schema import no project file, so anything may depend on them', () => {
    const leaves = [
      ...listSourceFiles('.', ['lib/shared/values']),
      ...listSourceFiles('.', ['lib/scoring']).filter((file) => file.endsWith('score-state.schema.ts')),
    ];

    expect(leaves.length).toBeGreaterThanOrEqual(5);
    for (const file of leaves)
      expect(moduleSpecifiers(file, readFileSync(file, 'utf8')).filter((s) => s.startsWith('.'))).toEqual([]);
  });
});
