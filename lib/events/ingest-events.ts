/**
 * Accept tracked events: validate, give each an id and a time, and store each once. One DynamoDB
 * round trip per event (in parallel for a batch); attaching to the contact happens behind the bus.
 */
import type { Clock } from '../shared/clock.ts';
import { ValidationError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { newId } from '../shared/ids.ts';
import type { ReceivedEventsRepository } from './received-events.repository.ts';
import { TRACK_LIMITS, type TrackEvent } from './track.schema.ts';

export interface IngestDeps {
  readonly received: ReceivedEventsRepository;
  readonly clock: Clock;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  results: { id: string; status: 'accepted' | 'duplicate' }[];
}

/** One event, or `{batch}`: field paths in errors follow the shape that was sent (`batch[3].occurredAt`). */
export const ingestEvents = async (
  workspaceId: string,
  body: TrackEvent | { readonly batch: readonly TrackEvent[] },
  deps: IngestDeps,
): Promise<IngestResult> => {
  const events = 'batch' in body ? body.batch : [body];
  const now = deps.clock.now();
  const receivedAt = now.toISOString();
  events.forEach((e, i) => {
    if (e.occurredAt && Date.parse(e.occurredAt) > now.getTime() + TRACK_LIMITS.futureSkewMs) {
      throw new ValidationError('event time is in the future', [
        {
          path: 'batch' in body ? `batch[${i}].occurredAt` : 'occurredAt',
          message: 'more than 24 h ahead of the server clock',
        },
      ]);
    }
  });
  const results = await Promise.all(
    events.map(async (e) => {
      const id = e.id ?? newId('e', now);
      const event = domainEvent(
        'track.received',
        workspaceId,
        {
          eventId: id,
          name: e.name,
          kind: 'track',
          occurredAt: e.occurredAt ? new Date(e.occurredAt).toISOString() : receivedAt,
          receivedAt,
          identity: {
            ...(e.email ? { email: e.email } : {}),
            ...(e.externalId ? { externalId: e.externalId } : {}),
            ...(e.anonymousId ? { anonymousId: e.anonymousId } : {}),
          },
          properties: e.properties ?? {},
        },
        deps.clock,
      );
      const stored = await deps.received.putOnce(workspaceId, id, event, Math.floor(now.getTime() / 1000));
      return { id, status: stored ? ('accepted' as const) : ('duplicate' as const) };
    }),
  );
  const accepted = results.filter((r) => r.status === 'accepted').length;
  return { accepted, duplicates: results.length - accepted, results };
};
