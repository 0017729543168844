/**
 * A local SES v2 endpoint (`aws-ses-v2-local`) that keeps every email it is sent and shows them in a
 * browser, plus a typed reader of its store for tests.
 *
 * Invariants:
 * - Runs in this process on 127.0.0.1 (port 0 = a free port); resolves once `/health-check` answers.
 * - The package keeps ONE store per process: two endpoints started in the same process share their
 *   emails. Tests therefore filter what they read by recipient (one random workspace/address each).
 * - It accepts SendEmail (Simple, Raw, Template) and SendBulkEmail; it does not check identities,
 *   quotas or configuration sets, and does not emit SES events.
 */
import type { Server } from 'node:http';
import sesV2Local from 'aws-ses-v2-local';
import * as z from 'zod';
import { closeServer } from './local-endpoint.ts';

export interface SesLocal {
  /** `http://127.0.0.1:<port>`, for `endpoint` or `AWS_ENDPOINT_URL_SESV2`. */
  readonly endpoint: string;
  /** The web page listing the stored emails. */
  readonly webViewUrl: string;
  /** Closes the endpoint; stored emails stay readable through another endpoint in this process. */
  stop(): Promise<void>;
}

/**
 * The package is CommonJS with an `exports.default`: Node's ESM loader hands us `module.exports`
 * (function under `.default`), Vite's SSR loader (vitest) hands us the function itself.
 */
const startServer = (): typeof sesV2Local.default => {
  const imported: unknown = sesV2Local;
  return typeof imported === 'function' ? (imported as typeof sesV2Local.default) : sesV2Local.default;
};

const portOf = (server: Server): number => {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('aws-ses-v2-local has no TCP address');
  return address.port;
};

/** Starts the local SES v2 endpoint. */
export const startSesLocal = async (options: { readonly port?: number } = {}): Promise<SesLocal> => {
  const server = await startServer()({ host: '127.0.0.1', port: options.port ?? 0 });
  const endpoint = `http://127.0.0.1:${portOf(server)}`;
  const health = await fetch(`${endpoint}/health-check`);
  if (!health.ok) {
    server.close();
    throw new Error(`aws-ses-v2-local answered its health check with ${health.status}`);
  }
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    webViewUrl: `${endpoint}/`,
    stop: () => {
      stopping ??= closeServer(server);
      return stopping;
    },
  };
};

/** One email as `aws-ses-v2-local` stores it (its `/store` JSON). */
export const storedEmailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  /** Epoch seconds. */
  at: z.number(),
});
export type StoredEmail = z.infer<typeof storedEmailSchema>;

const storeSchema = z.object({ emails: z.array(storedEmailSchema) });

/** True when `address` is one of the email's recipients, whether stored bare or as `Name <address>`. */
const sentTo = (email: StoredEmail, address: string): boolean => {
  const wanted = address.toLowerCase();
  return [...email.destination.to, ...email.destination.cc, ...email.destination.bcc].some((r) => {
    const bare = /<([^>]+)>/.exec(r)?.[1] ?? r;
    return bare.trim().toLowerCase() === wanted;
  });
};

/**
 * Reads the stored emails, oldest first, optionally only those sent to `to` (To, Cc or Bcc) and at or
 * after `since` (the store keeps whole seconds).
 */
export const readStoredEmails = async (
  endpoint: string,
  filter: { readonly to?: string; readonly since?: Date } = {},
): Promise<StoredEmail[]> => {
  const url = new URL('/store', endpoint);
  if (filter.since) url.searchParams.set('since', String(Math.floor(filter.since.getTime() / 1000)));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`reading the local SES store failed with ${response.status}`);
  const { emails } = storeSchema.parse(await response.json());
  const { to } = filter;
  return to === undefined ? emails : emails.filter((e) => sentTo(e, to));
};

/** Empties the local SES store (every endpoint of this process shares it). */
export const clearStoredEmails = async (endpoint: string): Promise<void> => {
  const response = await fetch(new URL('/clear-store', endpoint), { method: 'POST' });
  if (!response.ok) throw new Error(`clearing the local SES store failed with ${response.status}`);
};
