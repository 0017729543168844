/**
 * `npm start` and the console: the banner's `console` line and the stack file's `consoleUrl` name the
 * API's origin, and that origin answers a deep link as the console's (here without a build: a 404 that
 * says how to build it, with the console's security headers; the browser project covers a built one).
 * Its accelerated clock is printed and written there too, and `ecrm clock` moves it.
 * Runs start.ts in a folder of its own so it writes its own .local/stack.json.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { stackInfo } from '../../cli/target.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'ecrm-start-'));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child?.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm start and the console', () => {
  it('prints the console URL, writes consoleUrl, and serves the console on the API origin', async () => {
    const loader = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
    const started = spawn(
      process.execPath,
      ['--import', loader, join(repo, 'infra/local/start.ts'), '--port', '0', '--no-demo', '--no-console'],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    const banner = await new Promise<string>((resolve, reject) => {
      const take = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('written to')) resolve(output);
      };
      started.stdout?.on('data', take);
      started.stderr?.on('data', take);
      started.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
    });
    const info = stackInfo.parse(JSON.parse(readFileSync(join(cwd, '.local/stack.json'), 'utf8')));
    expect(info.consoleUrl).toBe(info.apiUrl);
    expect(banner).toContain(`\n  console            ${info.consoleUrl}/`);

    const res = await fetch(`${info.consoleUrl}/contacts/42`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = await res.text();
    // Without a build there is nothing to serve; with one (a developer's checkout), its index.html.
    if (res.status === 404) expect(body).toContain('npm run build:console');
    else expect(body).toMatch(/<!doctype html>/i);
    const api = await fetch(`${info.apiUrl}/v1/nothing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/json');

    // The accelerated clock: in the banner, in the stack file, and moved by the CLI.
    expect(banner).toContain(`\n  clock              ${info.clockUrl}`);
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', loader, join(repo, 'cli/ecrm.ts'), 'clock', ...args], { cwd });
    const before = Date.parse(String(JSON.parse((await cli('--local')).stdout).now));
    const moved = JSON.parse((await cli('advance', '2h', '--local')).stdout);
    expect(moved.advancedBy).toBe('2h');
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(7_200_000);
    await expect(cli('advance', 'soon', '--local')).rejects.toThrow(/advance: a duration such as/);
  });
});
