/**
 * Parse an EventBridge event delivered by a rule into a catalogue domain event. An event that does
 * not match its schema can never succeed on retry: it is logged and dropped (the rule's DLQ and
 * alarms are for failures a retry can fix).
 */
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { type DomainEvent, type EventType, parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { type EventMeanings, typesIn } from '../../lib/shared/events/meanings.ts';
import { logger } from './http-errors.ts';

const envelope = z.object({ 'detail-type': z.string(), source: z.string(), detail: z.unknown() });

const parseOneOf = (types: readonly string[], raw: unknown): DomainEvent | undefined => {
  try {
    const event = envelope.parse(raw);
    if (!types.includes(event['detail-type']))
      throw new Error(`expected ${types.join(' or ')}, got ${event['detail-type']}`);
    return parseDomainEvent(event['detail-type'], event.detail);
  } catch (error) {
    logger.error('dropping an event that does not match the catalogue', {
      error: error instanceof Error ? error : String(error),
    });
    return undefined;
  }
};

export const parseBusEvent = <T extends EventType>(
  type: T,
  raw: EventBridgeEvent<string, unknown>,
): DomainEvent<T> | undefined =>
  // parseDomainEvent validated `data` against the schema of `type`, the only type accepted here.
  parseOneOf([type], raw) as DomainEvent<T> | undefined;

/** Parse an event of any type the consumer's table gives a meaning to (its rule's pattern lists them). */
export const parseBusEventFor = <M>(
  meanings: EventMeanings<M>,
  raw: EventBridgeEvent<string, unknown>,
): DomainEvent | undefined => parseOneOf(typesIn(meanings), raw);
