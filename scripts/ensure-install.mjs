// `prestart` / `pretest`: a fresh clone needs only `npm start` and `npm test`. Installs the locked
// dependencies (`npm ci`) when node_modules is absent or was installed from another lock. Plain
// JavaScript, so that any Node ≥ 20 runs it before the project's own Node 24 is installed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the hash of the lock that node_modules was installed from is kept. */
export const STAMP = join('node_modules', '.ecrm-installed-lock');

/**
 * What to do, from the state on disk:
 * - `install`: no node_modules (or no npm record of an install), or installed from a different lock
 *   and not since (npm's own record is older than the lock);
 * - `stamp`: installed with npm by hand after the lock last changed (npm's record is newer): trust it;
 * - `none`: installed from exactly this lock;
 * - `shared`: node_modules is a link to another checkout's (a git worktree's, say) and does not match
 *   this lock: `npm ci` would empty it under the other checkout, so it is left alone, with a warning.
 * @param {{ lockHash: string, stamp: string | undefined, npmRecordMtimeMs: number | undefined, lockMtimeMs: number, linked?: boolean }} s
 * @returns {'install' | 'stamp' | 'none' | 'shared'}
 */
export const installAction = (s) => {
  if (s.stamp === s.lockHash && s.npmRecordMtimeMs !== undefined) return 'none';
  if (s.linked) return 'shared';
  if (s.npmRecordMtimeMs === undefined) return 'install';
  return s.npmRecordMtimeMs >= s.lockMtimeMs ? 'stamp' : 'install';
};

const main = () => {
  const lock = 'package-lock.json';
  const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const npmRecord = join('node_modules', '.package-lock.json');
  const action = installAction({
    lockHash,
    stamp: existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : undefined,
    npmRecordMtimeMs: existsSync(npmRecord) ? statSync(npmRecord).mtimeMs : undefined,
    lockMtimeMs: statSync(lock).mtimeMs,
    linked: existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink(),
  });
  if (action === 'shared') {
    console.warn(
      'ecrm: node_modules links to another checkout and was not installed from this lock; left as it is ' +
        '(run npm ci there, or give this checkout its own node_modules)',
    );
    return;
  }
  if (action === 'install') {
    console.log('ecrm: installing the locked dependencies (npm ci)…');
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  if (action !== 'none') writeFileSync(STAMP, `${lockHash}\n`);
};

if (import.meta.url === `file://${process.argv[1]}`) main();
