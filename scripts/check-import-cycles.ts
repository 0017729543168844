/**
 * `npm run lint` step: fails when any import cycle (type-only imports included) joins the project's own
 * files. Usage: `check-import-cycles.ts [root]` (default: the current directory).
 */
import { findImportCycles } from './import-cycles.ts';

export const PROJECT_DIRS = ['lib', 'functions', 'infra', 'cli', 'bench', 'scripts', 'test'] as const;

const root = process.argv[2] ?? process.cwd();
const cycles = findImportCycles(root, PROJECT_DIRS);
if (cycles.length === 0) {
  console.log('No import cycles.');
} else {
  for (const cycle of cycles) {
    console.error(`Import cycle among ${cycle.files.length} files: ${cycle.path.join(' -> ')}`);
    if (cycle.files.length > cycle.path.length - 1) console.error(`  all of them: ${cycle.files.join(', ')}`);
  }
  console.error(
    `${cycles.length} import cycle(s): move what both sides need into a module that imports neither.`,
  );
  process.exitCode = 1;
}
