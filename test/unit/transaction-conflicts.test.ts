/**
 * Transactions that share a hot item (a workspace's fan-out marker) are sent again when DynamoDB
 * cancels them for a conflicting parallel transaction (nothing of them was written), and only then:
 * a failed condition is the caller's answer, not a reason to try again.
 */
import { describe, expect, it } from 'vitest';
import { isConditionFailure, isTransactionConflict, retryingConflicts } from '../../lib/shared/table.ts';
import { awsError } from '../support/mock-aws-client.ts';

const cancelled = (...codes: string[]) =>
  Object.assign(awsError('TransactionCanceledException', 'Transaction cancelled'), {
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('retryingConflicts', () => {
  it('sends a transaction again after a conflict, and returns what it finally returns', async () => {
    let calls = 0;
    const result = await retryingConflicts(async () => {
      calls++;
      if (calls < 3) throw cancelled('None', 'TransactionConflict');
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(3);
  });

  it('does not send again a transaction whose condition failed', async () => {
    let calls = 0;
    const error = cancelled('ConditionalCheckFailed', 'None');
    await expect(
      retryingConflicts(async () => {
        calls++;
        throw error;
      }),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(isConditionFailure(error)).toBe(true);
    expect(isTransactionConflict(error)).toBe(false);
  });

  it('gives up after its attempts, with the conflict', async () => {
    let calls = 0;
    await expect(
      retryingConflicts(async () => {
        calls++;
        throw cancelled('TransactionConflict');
      }, 3),
    ).rejects.toSatisfy(isTransactionConflict);
    expect(calls).toBe(3);
  });
});
