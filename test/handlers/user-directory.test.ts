/**
 * The user pool as the directory, on the failures the local Cognito does not produce: a throttled
 * call is a TransientError (503, retry), and a user pool answering a user without its `sub` is a bug
 * surfaced, not a membership written under no id.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  TooManyRequestsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoDirectory } from '../../functions/shared/users-deps.ts';
import { TransientError } from '../../lib/shared/errors.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const directory = () =>
  cognitoDirectory(new CognitoIdentityProviderClient({ region: 'us-east-1' }), 'us-east-1_pool');

beforeEach(() => cognito.reset());

describe('the Cognito directory', () => {
  it('turns throttling into a TransientError', async () => {
    cognito
      .on(AdminGetUserCommand)
      .rejects(new TooManyRequestsException({ message: 'Too many requests', $metadata: {} }));
    await expect(directory().findByEmail('a@b.example')).rejects.toBeInstanceOf(TransientError);
  });

  it('invites a new person by email, with the email verified, and refuses an answer without sub', async () => {
    cognito.on(AdminGetUserCommand).rejects(new UserNotFoundException({ message: 'no', $metadata: {} }));
    cognito
      .on(AdminCreateUserCommand)
      .resolves({ User: { Attributes: [{ Name: 'email', Value: 'a@b.example' }] } });
    await expect(directory().invite('a@b.example')).rejects.toThrow('without its sub');
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'us-east-1_pool',
      Username: 'a@b.example',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]),
    });
  });
});
