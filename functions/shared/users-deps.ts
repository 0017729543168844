/**
 * The users API's dependencies: memberships in the table, and the user pool as the people directory,
 * through the Cognito SDK client (its endpoint from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER on the
 * local stack, where the local Cognito answers the same calls).
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { systemClock } from '../../lib/shared/clock.ts';
import { TransientError } from '../../lib/shared/errors.ts';
import { membershipsRepository } from '../../lib/users/memberships.repository.ts';
import type { DirectoryUser, UserDirectory } from '../../lib/users/user-directory.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';

type Attributes = readonly { readonly Name?: string | undefined; readonly Value?: string | undefined }[];

/** The directory user from Cognito's attributes; a user without `sub` would be a broken pool. */
const userOf = (attributes: Attributes | undefined, fallbackEmail: string): DirectoryUser => {
  const value = (name: string) => attributes?.find((a) => a.Name === name)?.Value;
  const id = value('sub');
  if (!id) throw new Error('the user pool answered a user without its sub');
  return { id, email: value('email') ?? fallbackEmail };
};

/** Cognito's quotas are small (AdminCreateUser: tens a second): a throttled call is worth a retry (503). */
const THROTTLES = ['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException'];

const throttling = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof Error && THROTTLES.includes(error.name))
      throw new TransientError('the user pool is busy: try again', { cause: error });
    throw error;
  }
};

/** The Cognito user pool as the people directory: users are named by their email. */
export const cognitoDirectory = (
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): UserDirectory => {
  const directory: UserDirectory = {
    async findByEmail(email) {
      try {
        const user = await throttling(
          client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email })),
        );
        return userOf(user.UserAttributes, email);
      } catch (error) {
        if (error instanceof UserNotFoundException) return undefined;
        throw error;
      }
    },
    async invite(email) {
      try {
        const created = await throttling(
          client.send(
            new AdminCreateUserCommand({
              UserPoolId: userPoolId,
              Username: email,
              UserAttributes: [
                { Name: 'email', Value: email },
                { Name: 'email_verified', Value: 'true' },
              ],
              DesiredDeliveryMediums: ['EMAIL'],
            }),
          ),
        );
        return userOf(created.User?.Attributes, email);
      } catch (error) {
        // Invited a moment ago by another request: the account exists now.
        if (error instanceof UsernameExistsException) {
          const existing = await directory.findByEmail(email);
          if (existing) return existing;
        }
        throw error;
      }
    },
  };
  return directory;
};

export const usersDeps = once(() => ({
  memberships: membershipsRepository(table()),
  workspaces: workspacesRepository(table()),
  directory: cognitoDirectory(new CognitoIdentityProviderClient({}), config('userPool').AUTH_USER_POOL_ID),
  clock: systemClock,
}));

/** Reading memberships only (the member list, `/auth/me`): no user pool needed. */
export const membershipsDeps = once(() => ({ memberships: membershipsRepository(table()) }));
