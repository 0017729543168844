/**
 * The port to the people directory (the Cognito user pool): find a person by email, or invite them,
 * which creates their account and sends them a temporary password. Implemented with the Cognito SDK
 * client in functions/shared/users-deps.ts; the local stack's Cognito answers the same calls.
 */
export interface DirectoryUser {
  /** The `sub`: the user id everywhere in ecrm. */
  readonly id: string;
  readonly email: string;
}

export interface UserDirectory {
  findByEmail(email: string): Promise<DirectoryUser | undefined>;
  /** Creates the account and emails the invitation (a temporary password to change at first sign-in). */
  invite(email: string): Promise<DirectoryUser>;
}
