/**
 * The local Cognito's password reset, shared by the cognito-idp API (ForgotPassword,
 * ConfirmForgotPassword, AdminResetUserPassword) and the sign-in pages' "Forgot your password?".
 *
 * Invariants (Cognito's, with "prevent user existence errors" on):
 * - A code is 6 random digits, valid one hour, single-use; requesting another replaces it.
 * - A code allows {@link MAX_WRONG_ATTEMPTS} wrong guesses; after that every try is
 *   LimitExceededException until a new code is requested.
 * - Codes are compared in constant time.
 * - An unknown, disabled or invited (FORCE_CHANGE_PASSWORD) address gets a code too, kept but never
 *   mailed, so confirming answers exactly as for an address with an account: mismatch, limit, expiry.
 * - The password policy is checked before the code is spent: a refused password leaves the code usable.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { CognitoError, type PoolUser, type PoolUsers } from './cognito-users.ts';

/** Cognito's reset codes last one hour. */
export const RESET_CODE_MS = 3600 * 1000;
/** Wrong codes allowed per code before LimitExceededException. */
export const MAX_WRONG_ATTEMPTS = 5;

/** What Cognito would email; `code` is the 6 digits. */
export interface ResetCodeMail {
  readonly to: string;
  readonly code: string;
  /** Managed login's `lang` when the pages asked, for the mail's language. */
  readonly lang: string | null;
}

/** Delivers a reset code (the local stack: by the local SES). */
export type ResetCodeMailer = (mail: ResetCodeMail) => Promise<void>;

interface PendingCode {
  readonly code: string;
  readonly expires: number;
  wrong: number;
  spent: boolean;
}

const sameCode = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `d***@e***`, as Cognito's CodeDeliveryDetails shows the destination. */
export const maskedEmail = (email: string): string => {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
};

export class PasswordReset {
  /** By the normalised email, for accounts and unknown addresses alike. */
  private readonly pending = new Map<string, PendingCode>();

  constructor(
    private readonly users: PoolUsers,
    private readonly mailer: ResetCodeMailer | undefined,
    private readonly now: () => Date,
  ) {}

  /**
   * ForgotPassword: a new code for the user named by `username` (sub or email), mailed when the account
   * may reset its password. Returns the masked destination, the same for any address.
   * @throws CognitoError NotAuthorizedException for an invited user who never chose a password
   *   (Cognito's answer; the pages answer as for anyone else).
   */
  async request(username: string, lang: string | null = null): Promise<{ destination: string }> {
    const user = this.users.find(username);
    const email = user?.email ?? username.trim().toLowerCase();
    const code = this.issue(email);
    if (user?.enabled && user.status !== 'FORCE_CHANGE_PASSWORD')
      await this.mailer?.({ to: user.email, code, lang });
    if (user?.enabled && user.status === 'FORCE_CHANGE_PASSWORD')
      throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
    return { destination: maskedEmail(email) };
  }

  /** AdminResetUserPassword: the next sign-in must reset the password (RESET_REQUIRED); a code is mailed. */
  async require(username: string): Promise<void> {
    const user = this.users.get(username);
    if (user.status === 'FORCE_CHANGE_PASSWORD')
      throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
    user.status = 'RESET_REQUIRED';
    user.modifiedAt = this.now();
    await this.request(user.email);
  }

  /**
   * ConfirmForgotPassword: sets `password` (permanent) when `code` is the user's pending code.
   * @throws CognitoError CodeMismatchException, ExpiredCodeException (also a spent code),
   *   LimitExceededException, InvalidPasswordException.
   */
  confirm(username: string, code: string, password: string): PoolUser {
    const user = this.users.find(username);
    const email = user?.email ?? username.trim().toLowerCase();
    const pending = this.pending.get(email);
    if (!pending) throw mismatch();
    if (pending.wrong >= MAX_WRONG_ATTEMPTS)
      throw new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    if (pending.spent || pending.expires <= this.now().getTime())
      throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    if (!sameCode(code, pending.code)) {
      pending.wrong += 1;
      throw mismatch();
    }
    // An unknown address's code is never mailed; guessing it still confirms nothing.
    if (!user?.enabled || user.status === 'FORCE_CHANGE_PASSWORD') throw mismatch();
    const updated = this.users.setPassword(user.sub, password, true, this.now());
    pending.spent = true;
    return updated;
  }

  private issue(email: string): string {
    const now = this.now().getTime();
    for (const [key, old] of this.pending) if (old.expires <= now) this.pending.delete(key);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending.set(email, { code, expires: now + RESET_CODE_MS, wrong: 0, spent: false });
    return code;
  }
}

const mismatch = () =>
  new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
