/**
 * `npm start` on a port that is taken: a clear line naming the port and the way out, a non-zero exit,
 * no stack trace, and nothing the stack had started left running.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/env.ts';
import { PortInUseError } from '../../infra/local/port-in-use.ts';
import { startLocalStack } from '../../infra/local/stack.ts';
import { randomToken } from '../../lib/shared/ids.ts';

const run = promisify(execFile);
let busy: Server;
let port: number;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const address = busy.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

const listeners = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

describe('a port already in use', () => {
  it('rejects with PortInUseError naming the port and closes every server it had opened', async () => {
    const before = listeners();
    const error: unknown = await startLocalStack({
      port,
      dynamodb: { endpoint: inject('dynamodbEndpoint') },
      tableName: `e2e-${randomToken(6)}`,
      sesEndpoint: inject('sesEndpoint'),
      quiet: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error instanceof PortInUseError && error.port).toBe(port);
    // The bus, scheduler and KMS endpoints were listening before the API failed to bind.
    // (a closed server's handle is released on a later tick)
    await expect.poll(listeners, { interval: 20, timeout: 5_000 }).toBe(before);
  });

  it('npm start says which port and how to pick another, and exits 1 without a stack trace', async () => {
    const result = await run(
      process.execPath,
      ['--import', 'tsx', 'infra/local/start.ts', '--port', String(port), '--no-demo', '--no-console'],
      { timeout: 90_000 },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: e.stderr ?? '' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${port} is already in use`);
    expect(result.stderr).toContain('--port');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
