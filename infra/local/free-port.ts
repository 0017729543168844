/**
 * A free TCP port on 127.0.0.1, for child processes that must be told their port up front (DynamoDB
 * Local). Servers in this process should listen on port 0 instead, which cannot race.
 *
 * Invariant: the port was free when this resolved; another process may still take it before the caller
 * binds it, so callers that spawn a process retry with a new port when the bind fails.
 */
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not read the bound port'))));
    });
  });
