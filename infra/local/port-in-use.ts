/**
 * A port the local stack was told to use is taken. `npm start` prints it with the way out instead
 * of a stack trace.
 */
import { Socket } from 'node:dgram';
import type { Server } from 'node:net';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`port ${port} is already in use`, options);
  }
}

/**
 * `server.listen` (TCP) or `socket.bind` (UDP) as a promise that rejects with {@link PortInUseError}
 * when the port is taken.
 */
export const listenOn = (server: Server | Socket, port: number, host: string): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error);
    const listening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    if (server instanceof Socket) server.bind(port, host, listening);
    else server.listen(port, host, listening);
  });
