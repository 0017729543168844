/**
 * Makes sure a child process (DynamoDB Local's JVM) dies with this process, however this process ends.
 *
 * Two layers, because no single one covers every way out:
 * - a synchronous `exit` hook kills the child when Node exits normally or through process.exit();
 * - a tiny `sh` watchdog holds the read end of a pipe from this process: when this process dies in any
 *   way (SIGKILL and crashes included) the pipe closes, `read` returns and the watchdog kills the child.
 *
 * Invariant: the watchdog is killed before the child, so it can never signal a recycled pid after the
 * child has been reaped.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildGuard {
  /** Disarms both layers (the child is being stopped on purpose). */
  release(): void;
}

export const guardChild = (child: ChildProcess): ChildGuard => {
  const pid = child.pid;
  if (pid === undefined) throw new Error('cannot guard a child process that has no pid');
  const watchdog = spawn(
    'sh',
    ['-c', 'read _ ; kill -9 "$1" 2>/dev/null', 'ecrm-child-watchdog', String(pid)],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  watchdog.on('error', () => {
    // Without `sh` only the exit hook protects the child; nothing else to do.
  });
  // Neither the watchdog nor its pipe may keep this process alive.
  watchdog.unref();
  const pipe = watchdog.stdin;
  if (pipe && 'unref' in pipe && typeof pipe.unref === 'function') pipe.unref();

  const killWatchdog = () => {
    if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill('SIGKILL');
  };
  const onExit = () => {
    killWatchdog();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', onExit);
  return {
    release: () => {
      process.off('exit', onExit);
      killWatchdog();
    },
  };
};
