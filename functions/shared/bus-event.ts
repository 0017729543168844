/**
 * Parse an EventBridge event delivered by a rule into a catalogue domain event. An event that does
 * not match its schema can never succeed on retry: it is logged and dropped (the rule's DLQ and
 * alarms are for failures a retry can fix).
 */
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import {
  type DomainEvent,
  parseDomainEvent,
  parseDomainEvents,
  type SingleEventType,
} from '../../lib/shared/events/catalogue.ts';
import { type EventMeanings, typesIn } from '../../lib/shared/events/meanings.ts';
import { logger } from './http-errors.ts';

const envelope = z.object({ 'detail-type': z.string(), source: z.string(), detail: z.unknown() });

const parseOneOf = <R>(
  types: readonly string[],
  raw: unknown,
  parse: (type: string, detail: unknown) => R,
): R | undefined => {
  try {
    const event = envelope.parse(raw);
    if (!types.includes(event['detail-type']))
      throw new Error(`expected ${types.join(' or ')}, got ${event['detail-type']}`);
    return parse(event['detail-type'], event.detail);
  } catch (error) {
    logger.error('dropping an event that does not match the catalogue', {
      error: error instanceof Error ? error : String(error),
    });
    return undefined;
  }
};

/** A bus event of one type whose bus events are single domain events (not packed). */
export const parseBusEvent = <T extends SingleEventType>(
  type: T,
  raw: EventBridgeEvent<string, unknown>,
): DomainEvent<T> | undefined =>
  // parseDomainEvent validated `data` against the schema of `type`, the only type accepted here.
  parseOneOf([type], raw, parseDomainEvent) as DomainEvent<T> | undefined;

/**
 * The domain events of a bus event of any type the consumer's table gives a meaning to (its rule's
 * pattern lists them): one, or a pack's (catalogue.ts, `PACK_LIMIT`); none when it does not parse.
 */
export const parseBusEventFor = <M>(
  meanings: EventMeanings<M>,
  raw: EventBridgeEvent<string, unknown>,
): DomainEvent[] => parseOneOf(typesIn(meanings), raw, parseDomainEvents) ?? [];
