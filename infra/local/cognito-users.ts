/**
 * The local Cognito's user pool state: users (named by a `sub`, found by it or by email), their
 * passwords (scrypt hashes), whether the password is temporary (FORCE_CHANGE_PASSWORD, as after an
 * invitation) or must be reset (RESET_REQUIRED), and the invitations sent (the temporary passwords, which Cognito would email).
 */
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

/** RESET_REQUIRED: AdminResetUserPassword; the next sign-in must reset the password with a mailed code. */
export type UserStatus = 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED' | 'RESET_REQUIRED';

export interface PoolUser {
  readonly sub: string;
  readonly email: string;
  readonly createdAt: Date;
  modifiedAt: Date;
  status: UserStatus;
  passwordHash: string;
  enabled: boolean;
}

export interface Invitation {
  readonly email: string;
  readonly temporaryPassword: string;
  readonly at: Date;
}

export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const hash = (password: string): string => {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;
};

const matches = (password: string, stored: string): boolean => {
  const [salt, digest] = stored.split(':');
  if (!salt || !digest) return false;
  const expected = Buffer.from(digest, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
};

/** Cognito's default policy: 8+ characters with lower and upper case letters, a digit and a symbol. */
const temporaryPassword = (): string => `Tmp-${randomBytes(6).toString('base64url')}a1A!`;

export const checkPasswordPolicy = (password: string): void => {
  if (password.length < 8)
    throw new CognitoError(
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    );
};

export class PoolUsers {
  private readonly users = new Map<string, PoolUser>();
  readonly invitations: Invitation[] = [];

  /** By `sub` (the username) or by email, case-insensitively. */
  find(usernameOrEmail: string): PoolUser | undefined {
    const byId = this.users.get(usernameOrEmail);
    if (byId) return byId;
    const email = usernameOrEmail.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.email === email);
  }

  get(usernameOrEmail: string): PoolUser {
    const user = this.find(usernameOrEmail);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  list(): PoolUser[] {
    return [...this.users.values()];
  }

  /** A new user with a temporary password (returned; recorded as an invitation unless `silent`). */
  create(
    email: string,
    now: Date,
    options: { readonly silent?: boolean } = {},
  ): { user: PoolUser; password: string } {
    const normalised = email.trim().toLowerCase();
    if (this.find(normalised))
      throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
    const password = temporaryPassword();
    const user: PoolUser = {
      sub: randomUUID(),
      email: normalised,
      createdAt: now,
      modifiedAt: now,
      status: 'FORCE_CHANGE_PASSWORD',
      passwordHash: hash(password),
      enabled: true,
    };
    this.users.set(user.sub, user);
    if (!options.silent) this.invitations.push({ email: normalised, temporaryPassword: password, at: now });
    return { user, password };
  }

  setPassword(usernameOrEmail: string, password: string, permanent: boolean, now: Date): PoolUser {
    checkPasswordPolicy(password);
    const user = this.get(usernameOrEmail);
    user.passwordHash = hash(password);
    user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.modifiedAt = now;
    return user;
  }

  delete(usernameOrEmail: string): void {
    this.users.delete(this.get(usernameOrEmail).sub);
  }

  /** The user when the password is theirs (temporary or not); undefined otherwise, whatever the cause. */
  signIn(email: string, password: string): PoolUser | undefined {
    const user = this.find(email);
    if (!user?.enabled || !matches(password, user.passwordHash)) return undefined;
    return user;
  }
}
