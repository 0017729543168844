/**
 * Parse an EventBridge event delivered by a rule into a catalogue domain event. An event that does
 * not match its schema can never succeed on retry: it is logged and dropped (the rule's DLQ and
 * alarms are for failures a retry can fix).
 */
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { type DomainEvent, type EventType, parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { logger } from './http-errors.ts';

const envelope = z.object({ 'detail-type': z.string(), source: z.string(), detail: z.unknown() });

export const parseBusEvent = <T extends EventType>(
  type: T,
  raw: EventBridgeEvent<string, unknown>,
): DomainEvent<T> | undefined => {
  try {
    const event = envelope.parse(raw);
    if (event['detail-type'] !== type) throw new Error(`expected ${type}, got ${event['detail-type']}`);
    const parsed = parseDomainEvent(type, event.detail);
    // parseDomainEvent validated `data` against the schema of `type`.
    return parsed as DomainEvent<T>;
  } catch (error) {
    logger.error('dropping an event that does not match the catalogue', {
      error: error instanceof Error ? error : String(error),
    });
    return undefined;
  }
};
