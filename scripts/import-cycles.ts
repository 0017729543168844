/**
 * Finds import cycles among a project's own source files with the TypeScript compiler's parser and
 * module resolution (the same rules `tsc` applies, so `.ts` specifiers and `tsconfig` paths resolve as
 * they do for the typecheck).
 *
 * Every edge counts, type-only ones included: `import`, `import type`, `export … from`, `import x =
 * require()`, `import()` calls and `import('…')` types. A type-only cycle costs nothing at run time, but
 * it still knots modules together so that none can be understood, tested or moved on its own.
 * Packages (anything resolved under `node_modules`) are not followed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', 'dist', '.local', '.vitest', '.git']);

/** One strongly connected group of files and one concrete cycle through it, paths relative to the root. */
export type ImportCycle = { files: string[]; path: string[] };

/** Source files under `dirs` (relative to `root`), skipping build output and packages. */
export const listSourceFiles = (root: string, dirs: readonly string[]): string[] => {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a directory the project does not have
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const dir of dirs) walk(resolve(root, dir));
  return out.sort();
};

/** Every module specifier a file names, type-only and dynamic imports included. */
export const moduleSpecifiers = (fileName: string, text: string): string[] => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
};

const compilerOptions = (root: string): ts.CompilerOptions => {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
  const fallback: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    noEmit: true,
  };
  if (!configPath || resolve(configPath, '..') !== resolve(root)) return fallback;
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
};

/** The import graph among the given files: each file → the project files it imports. */
export const importGraph = (root: string, files: readonly string[]): Map<string, string[]> => {
  const options = compilerOptions(root);
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of moduleSpecifiers(file, readFileSync(file, 'utf8'))) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = resolve(resolved.resolvedFileName);
      if (known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
};

/** Strongly connected components with a cycle (two or more files, or a file importing itself). */
const cyclicComponents = (graph: Map<string, string[]>): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Iterative Tarjan: deep import chains must not overflow the call stack.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components;
};

/** The shortest cycle from a component's first file back to itself, staying inside the component. */
const shortestCycle = (graph: Map<string, string[]>, component: string[]): string[] => {
  const members = new Set(component);
  const start = component[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        for (let at = node; at !== start; ) {
          at = previous.get(at) as string;
          path.unshift(at);
        }
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
};

/** The import cycles among the source files under `dirs` of `root`; empty when there is none. */
export const findImportCycles = (root: string, dirs: readonly string[]): ImportCycle[] => {
  const absoluteRoot = resolve(root);
  const graph = importGraph(absoluteRoot, listSourceFiles(absoluteRoot, dirs));
  const rel = (file: string) => relative(absoluteRoot, file).split(sep).join('/');
  return cyclicComponents(graph).map((component) => ({
    files: component.map(rel),
    path: shortestCycle(graph, component).map(rel),
  }));
};
