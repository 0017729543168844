/**
 * The one lifecycle of the local stack's HTTP servers (the AWS endpoints: SES front, bus, scheduler,
 * queues, KMS; and the HTTP API in front of the handlers).
 *
 * Invariants:
 * - `listen()` binds 127.0.0.1 only, on the configured port or a free one (port 0), and resolves with
 *   the `http://127.0.0.1:<port>` URL; a configured port that is taken is a {@link PortInUseError}.
 * - `close()` stops accepting requests and drops open connections (SDK clients keep them alive), and
 *   resolves once the server is closed; `stop()` then also waits until nothing is in flight.
 * - In flight is every request being served, plus the work the server counts itself in `inFlight`
 *   (deliveries, invocations) from the moment it accepts it; `idle()` resolves when there is none, so
 *   tests wait for quiet instead of sleeping.
 * - A handler that throws goes to `onError`; the client gets `failure` (by default an AWS
 *   `InternalFailure` 500), or a dropped connection when the answer had already begun.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InFlight } from './in-flight.ts';
import { sendJson } from './local-http-server.ts';
import { listenOn } from './port-in-use.ts';

export type LocalRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface LocalEndpointOptions {
  /** 0 or absent picks a free port. */
  readonly port?: number;
  /** Called with errors a handler throws (not with those it answers itself). */
  readonly onError?: (error: unknown) => void;
  /** The answer to a request whose handler threw, before anything was sent. */
  readonly failure?: (res: ServerResponse) => void;
}

/** Stops accepting connections and drops the open ones; resolves once the server is closed. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/** What an AWS endpoint answers when it fails itself. */
const awsInternalFailure = (res: ServerResponse): void =>
  sendJson(
    res,
    500,
    { message: 'Internal failure of the local endpoint' },
    { 'x-amzn-errortype': 'InternalFailure' },
  );

export class LocalEndpoint {
  /** Work in flight: the requests being served, and what the server counts itself. */
  readonly inFlight = new InFlight();
  private server: Server | undefined;
  private address: string | undefined;

  /** `name` says what is not started in the error of {@link url}. */
  constructor(
    private readonly name: string,
    private readonly handler: LocalRequestHandler,
    private readonly options: LocalEndpointOptions = {},
  ) {}

  /** `http://127.0.0.1:<port>`. @throws while not listening. */
  get url(): string {
    if (this.address === undefined) throw new Error(`${this.name} is not started`);
    return this.address;
  }

  /** Binds the server; resolves with its URL. */
  async listen(): Promise<string> {
    const fail = this.options.failure ?? awsInternalFailure;
    const server = createServer((req, res) => {
      this.inFlight.track(this.handler(req, res)).catch((error: unknown) => {
        this.options.onError?.(error);
        if (!res.headersSent) fail(res);
        else res.destroy();
      });
    });
    await listenOn(server, this.options.port ?? 0, '127.0.0.1');
    const address = server.address();
    if (typeof address !== 'object' || address === null) {
      await closeServer(server);
      throw new Error(`${this.name} has no TCP address`);
    }
    this.server = server;
    this.address = `http://127.0.0.1:${address.port}`;
    return this.address;
  }

  /** Stops accepting requests and drops open connections; work in flight carries on. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.address = undefined;
    if (server) await closeServer(server);
  }

  /** {@link close}, then waits until nothing is in flight. */
  async stop(): Promise<void> {
    await this.close();
    await this.idle();
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    return this.inFlight.idle();
  }
}
