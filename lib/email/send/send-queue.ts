/**
 * The send queue: SQS between whoever decides to send (campaign fan-out, journeys, the API, alerts)
 * and the `send-email` function, for back-pressure against SES's rate. Its settings live here so the
 * function catalogue (CDK, local stack) and the handler read the same numbers.
 */
import type { SendRequest } from './send-request.schema.ts';

export const SEND_QUEUE = {
  /** Requests per invocation: each is up to 50 recipients, one SES call. */
  batchSize: 2,
  /** Receives before the DLQ; on the last one, what is still throttled fails for good. */
  maxReceiveCount: 5,
  /** Containers at most: the account's MaxSendRate is split between them. */
  maxConcurrency: 4,
} as const;

export interface SendQueue {
  /** Queue every request or throw (refused entries retried inside). */
  enqueue(requests: readonly SendRequest[]): Promise<void>;
}
