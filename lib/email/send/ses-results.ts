/**
 * SES's answers, classified once: what is accepted, what a retry can fix, what never will be, what
 * stops all sending, and what leaves the outcome unknown (never resent: SES has no idempotency key).
 */
import { isSesError } from '../../shared/aws/sesv2.ts';
import type { EntryResult } from './ports.ts';

const RETRY = new Set(['ACCOUNT_THROTTLED', 'TRANSIENT_FAILURE', 'ACCOUNT_DAILY_QUOTA_EXCEEDED']);
const HALT = new Set(['ACCOUNT_SENDING_PAUSED', 'ACCOUNT_SUSPENDED', 'CONFIGURATION_SET_SENDING_PAUSED']);

/** One `BulkEmailEntryResult`. */
export const bulkEntryResult = (entry: {
  Status?: string | undefined;
  Error?: string | undefined;
  MessageId?: string | undefined;
}): EntryResult => {
  const status = entry.Status ?? 'MISSING_STATUS';
  const reason = entry.Error ? `${status}: ${entry.Error}` : status;
  if (status === 'SUCCESS') {
    return entry.MessageId
      ? { outcome: 'sent', sesMessageId: entry.MessageId }
      : { outcome: 'unknown', reason: 'SUCCESS without a MessageId' };
  }
  if (RETRY.has(status)) return { outcome: 'retry', reason };
  if (HALT.has(status)) return { outcome: 'halt', reason };
  return { outcome: 'final', reason };
};

const describe = (error: Error) => `${error.name}: ${error.message}`;

/** A whole call's failure, applied to each email of the call. */
export const callFailure = (error: unknown): EntryResult => {
  if (!(error instanceof Error)) return { outcome: 'unknown', reason: String(error) };
  if (isSesError(error, 'TooManyRequestsException', 'LimitExceededException'))
    return { outcome: 'retry', reason: describe(error) };
  if (isSesError(error, 'AccountSuspendedException', 'SendingPausedException'))
    return { outcome: 'halt', reason: describe(error) };
  if (
    isSesError(
      error,
      'MessageRejected',
      'MailFromDomainNotVerifiedException',
      'BadRequestException',
      'NotFoundException',
    )
  )
    return { outcome: 'final', reason: describe(error) };
  // A timeout, a dropped connection, a 5xx: SES may have accepted it. Never resent.
  return { outcome: 'unknown', reason: describe(error) };
};
