/**
 * EventBridge PutEvents, request to events, with the checks AWS applies: the request shape, 1 to 10
 * entries and 256 KB in total (ValidationException for the whole call), then per entry the required
 * fields, a Detail that is a JSON object, the `aws.` source prefix reserved to AWS, and an existing bus
 * (an error entry in the response, the other entries still accepted). Pure: no I/O, time and ids given.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';

/** The event object rules match and targets receive, exactly as EventBridge delivers it. */
export type BusEvent = EventBridgeEvent<string, Record<string, unknown>>;

/** PutEvents' request as the SDK sends it (awsJson1_1; `Time` in epoch seconds). */
export const putEventsRequestSchema = z.object({
  Entries: z.array(
    z.object({
      Time: z.number().optional(),
      Source: z.string().optional(),
      Resources: z.array(z.string()).optional(),
      DetailType: z.string().optional(),
      Detail: z.string().optional(),
      EventBusName: z.string().optional(),
      TraceHeader: z.string().optional(),
    }),
  ),
  EndpointId: z.string().optional(),
});
export type PutEventsRequest = z.infer<typeof putEventsRequestSchema>;
type RequestEntry = PutEventsRequest['Entries'][number];

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** A whole-request failure, answered as a 400 with this error type. */
export class PutEventsValidationError extends Error {
  override readonly name = 'PutEventsValidationError';
  readonly errorType = 'ValidationException';
}

export const MAX_ENTRIES = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;

const utf8 = (s: string | undefined) => (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));

/** AWS's documented entry size: 14 bytes for Time, plus the UTF-8 bytes of the other fields. */
export const entrySize = (e: RequestEntry): number =>
  (e.Time === undefined ? 0 : 14) +
  utf8(e.Source) +
  utf8(e.DetailType) +
  utf8(e.Detail) +
  (e.Resources ?? []).reduce((n, r) => n + utf8(r), 0);

/** `name` or `arn:aws:events:<region>:<account>:event-bus/<name>` → the bus name. */
export const busNameOf = (nameOrArn: string | undefined): string => {
  if (!nameOrArn) return 'default';
  const match = /^arn:aws[\w-]*:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn;
};

const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const parseDetail = (detail: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(detail);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/** EventBridge writes `time` to the second, without milliseconds. */
const eventTime = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const error = (ErrorCode: string, ErrorMessage: string): PutEventsResultEntry => ({
  ErrorCode,
  ErrorMessage,
});
const required = (field: string) =>
  error('InvalidArgument', `Parameter ${field} is not valid. Reason: ${field} is a required argument.`);

export interface PutEventsContext {
  readonly region: string;
  readonly account: string;
  readonly now: Date;
  readonly newId: () => string;
  readonly busExists: (name: string) => boolean;
}

export interface AcceptedEvent {
  readonly eventBusName: string;
  readonly event: BusEvent;
}

export interface PutEventsOutcome {
  /** One per request entry, in request order, as the response's `Entries`. */
  readonly results: readonly PutEventsResultEntry[];
  readonly accepted: readonly AcceptedEvent[];
}

/**
 * Applies PutEvents to a parsed request.
 * @throws {PutEventsValidationError} when AWS would reject the whole request.
 */
export const putEvents = (request: PutEventsRequest, ctx: PutEventsContext): PutEventsOutcome => {
  const entries = request.Entries;
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    throw new PutEventsValidationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${
        entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`
      }`,
    );
  }
  if (entries.reduce((n, e) => n + entrySize(e), 0) > MAX_REQUEST_BYTES) {
    throw new PutEventsValidationError('Total size of the entries in the request is over the limit.');
  }
  const results: PutEventsResultEntry[] = [];
  const accepted: AcceptedEvent[] = [];
  for (const e of entries) {
    const eventBusName = busNameOf(e.EventBusName);
    if (!e.Source) results.push(required('Source'));
    else if (!e.DetailType) results.push(required('DetailType'));
    else if (e.Detail === undefined || e.Detail === '') results.push(required('Detail'));
    else if (e.Source.startsWith('aws.'))
      results.push(error('NotAuthorizedForSourceException', 'Not authorized for the source.'));
    else if (!ctx.busExists(eventBusName))
      results.push(error('ResourceNotFoundException', `Event bus ${eventBusName} does not exist.`));
    else {
      const detail = parseDetail(e.Detail);
      if (!detail) {
        results.push(error('MalformedDetail', 'Detail is malformed.'));
        continue;
      }
      const id = ctx.newId();
      accepted.push({
        eventBusName,
        event: {
          version: '0',
          id,
          'detail-type': e.DetailType,
          source: e.Source,
          account: ctx.account,
          time: eventTime(e.Time === undefined ? ctx.now : new Date(e.Time * 1000)),
          region: ctx.region,
          resources: e.Resources ?? [],
          detail,
        },
      });
      results.push({ EventId: id });
    }
  }
  return { results, accepted };
};
