/** Optimistic writes under contention: every one of ten writers racing at once gets through. */
import { describe, expect, it } from 'vitest';
import { CONCURRENT_WRITERS, retryOnConflict } from '../../lib/contacts/retry-on-conflict.ts';
import { ConflictError } from '../../lib/shared/errors.ts';

const conditionFailure = () =>
  Object.assign(new Error('failed'), { name: 'ConditionalCheckFailedException' });

/**
 * The worst race: writers who retry in lockstep. Each round, every writer still trying reads the item
 * and writes on condition; exactly one of them wins, the others fail their condition and try again.
 */
const lockstepRace = (writers: number) => {
  let version = 0;
  let trying = writers;
  let round: { win: (v: number) => void; lose: (e: Error) => void }[] = [];
  const settle = () => {
    if (trying === 0 || round.length < trying) return;
    const [winner, ...losers] = round;
    round = [];
    trying -= 1;
    version += 1;
    winner?.win(version);
    for (const loser of losers) loser.lose(conditionFailure());
  };
  const write = () =>
    new Promise<number>((win, lose) => {
      round.push({ win, lose });
      settle();
    });
  /** A writer that gave up races no more. */
  const gaveUp = () => {
    trying -= 1;
    settle();
  };
  return { write, gaveUp };
};

describe('retryOnConflict', () => {
  it('ten writers racing on one item all get through, each once', async () => {
    expect(CONCURRENT_WRITERS).toBeGreaterThanOrEqual(10);
    const race = lockstepRace(10);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        retryOnConflict('write', race.write).catch((error: unknown) => {
          race.gaveUp();
          throw error;
        }),
      ),
    );
    expect(results.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives up with a ConflictError after its attempts, and rethrows anything else at once', async () => {
    let calls = 0;
    await expect(
      retryOnConflict('write', async () => {
        calls += 1;
        throw conditionFailure();
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(CONCURRENT_WRITERS);
    calls = 0;
    await expect(
      retryOnConflict('write', async () => {
        calls += 1;
        throw new TypeError('boom');
      }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });
});
