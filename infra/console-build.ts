/**
 * The console the CDK app uploads. By default `cdk synth` builds it (`npm run build:console`, Vite, offline)
 * into console/dist every time, the way the functions are bundled at synth: a fresh clone synthesizes
 * without a prior step, and a deploy can never ship a stale or missing console. `-c consoleDir=<dir>`
 * uploads an already built console instead (CI that built it once, the infra tests' fixture); it must
 * hold an index.html.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The directory to upload: `prebuilt` checked, or console/dist freshly built under `projectRoot`. */
export const consoleDirectory = (projectRoot: string, prebuilt: string | undefined): string => {
  if (prebuilt !== undefined) {
    const dir = resolve(prebuilt);
    if (!existsSync(join(dir, 'index.html')))
      throw new Error(`consoleDir ${dir} holds no index.html: it is not a built console`);
    return dir;
  }
  const dir = join(projectRoot, 'console', 'dist');
  try {
    // The build's progress goes to stderr: the CDK app's stdout is the CLI's.
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:console'], {
      cwd: projectRoot,
      stdio: ['ignore', process.stderr, process.stderr],
    });
  } catch (error) {
    throw new Error(
      `building the console (npm run build:console) failed, so it cannot be deployed: fix the build, or pass -c consoleDir=<a built console> (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`npm run build:console left no ${join(dir, 'index.html')}`);
  return dir;
};
