/**
 * The deployment's link key: 32 random bytes made on first use, sealed with KMS and kept in the table
 * (like the storefront signing secrets), opened once per container. The first container to need it
 * creates it with a conditional write; one that loses that race reads the winner's key, so every
 * container signs with the same key.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import { randomToken } from '../shared/ids.ts';
import type { LinkKeysRepository } from './link-keys.repository.ts';
import { InvalidLinkError, type LinkKey } from './link-token.ts';

/** Seals and opens the link key (KMS, with an encryption context naming the key). */
export interface LinkKeyBox {
  seal(secret: Buffer, kid: string): Promise<string>;
  open(sealed: string, kid: string): Promise<Buffer>;
}

export interface LinkKeyDeps {
  readonly linkKeys: LinkKeysRepository;
  readonly box: LinkKeyBox;
  readonly clock: Clock;
}

const SECRET_BYTES = 32;

/**
 * The key, created when missing by the functions that sign links (`create`); the functions that only
 * check links (`existing`, no KMS Encrypt, no table write) find no key before the first link was
 * signed, and then no link can be valid.
 */
export const loadLinkKey = async (deps: LinkKeyDeps, mode: 'create' | 'existing'): Promise<LinkKey> => {
  const stored = await deps.linkKeys.get();
  if (stored) return { kid: stored.kid, secret: await deps.box.open(stored.sealed, stored.kid) };
  if (mode === 'existing') throw new InvalidLinkError('this deployment has not signed any link yet');
  const kid = randomToken(5);
  const secret = randomBytes(SECRET_BYTES);
  const created = await deps.linkKeys.create({
    type: 'linkKey',
    v: 1,
    kid,
    sealed: await deps.box.seal(secret, kid),
    createdAt: deps.clock.now().toISOString(),
  });
  if (created) return { kid, secret };
  const winner = await deps.linkKeys.get();
  if (!winner) throw new Error('the link key was created and is gone');
  return { kid: winner.kid, secret: await deps.box.open(winner.sealed, winner.kid) };
};

/**
 * The key, loaded once per container and kept: a failed load (KMS or DynamoDB down) is not kept, so
 * the next request tries again.
 */
export const cachedLinkKey = (load: () => Promise<LinkKey>): (() => Promise<LinkKey>) => {
  let pending: Promise<LinkKey> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
};
