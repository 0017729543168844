/**
 * The local stack's accelerated clock, over HTTP: moves the stack's time ahead (the handlers' clock,
 * the scheduler, the queues' delays: process-clock.ts) so that a journey's waits, a campaign's send
 * time or an abandonment window pass in a second instead of hours. Local only: nothing like it exists
 * once deployed.
 *
 *   GET  /clock                      → { now }
 *   POST /clock {"advance": "2h"}    → fires everything due by then, waits for the stack to settle,
 *                                      → { now, advancedBy }
 *
 * The clock keeps running from where it was moved to, and never goes back. Moves happen one at a time,
 * each answered once what it made due has run.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';

const DAY_MS = 86_400_000;
const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: DAY_MS };
/** One step moves at most a year ahead (a birthday journey's next occurrence). */
const MAX_STEP_MS = 366 * DAY_MS;
const DURATION = /^(\d{1,6})(s|m|h|d)$/;

/** `90s`, `15m`, `2h`, `3d`: a positive whole number of seconds, minutes, hours or days, up to a year. */
export const parseClockStep = (text: string): number | undefined => {
  const match = DURATION.exec(text.trim());
  const unitMs = UNITS[match?.[2] ?? ''];
  if (!match || unitMs === undefined) return undefined;
  const ms = Number(match[1]) * unitMs;
  return ms > 0 && ms <= MAX_STEP_MS ? ms : undefined;
};

const advanceBody = z.strictObject({
  advance: z.string().refine((s) => parseClockStep(s) !== undefined, {
    message: 'a duration such as 90s, 15m, 2h or 3d (whole numbers, more than 0, at most 366d)',
  }),
});

export interface LocalClockOptions {
  /** The stack's time. */
  readonly now: () => Date;
  /** Moves the stack's time `ms` ahead and fires what is due by then. */
  readonly advance: (ms: number) => Promise<void>;
  /** Waits until the work the move started is done (the stack's `idle`). */
  readonly settle: () => Promise<void>;
  readonly port?: number;
}

const problem = (res: ServerResponse, status: number, message: string, field?: string) =>
  sendJson(res, status, { message, ...(field ? { field } : {}) });

export const startLocalClock = async (options: LocalClockOptions): Promise<LocalEndpoint> => {
  // Moves happen one at a time: two at once would each wait for the other's work.
  let moving: Promise<unknown> = Promise.resolve();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/clock') return problem(res, 404, 'not found: GET or POST /clock');
    if (req.method === 'GET') return sendJson(res, 200, { now: options.now().toISOString() });
    if (req.method !== 'POST') return problem(res, 405, 'GET or POST /clock');
    let text: string;
    try {
      text = await readBody(req, 1024);
    } catch (error) {
      if (error instanceof RequestTooLargeError) return problem(res, 413, error.message);
      throw error;
    }
    const json = parseJson(text);
    if (!json.ok) return problem(res, 400, `the body is not JSON: ${json.error.message}`);
    const body = advanceBody.safeParse(json.value);
    if (!body.success) {
      const issue = body.error.issues[0];
      const field = issue?.path.join('.') || 'advance';
      return problem(res, 400, `${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    const ms = parseClockStep(body.data.advance) ?? 0;
    const move = moving.then(async () => {
      await options.advance(ms);
      await options.settle();
    });
    moving = move.catch(() => {});
    await move;
    sendJson(res, 200, { now: options.now().toISOString(), advancedBy: body.data.advance });
  };
  const endpoint = new LocalEndpoint('the local clock', handle, {
    ...(options.port ? { port: options.port } : {}),
    onError: (error) => console.error('local stack: clock error', error),
  });
  await endpoint.listen();
  return endpoint;
};
