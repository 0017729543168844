/**
 * The cognito-idp JSON API subset the users code calls through the real
 * `@aws-sdk/client-cognito-identity-provider` client (awsJson1_1, `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>`): AdminCreateUser, AdminGetUser, AdminDeleteUser,
 * AdminSetUserPassword and ListUsers, with Cognito's answers and error types; and the password reset
 * (ForgotPassword and ConfirmForgotPassword, which name the app client rather than the pool, and
 * AdminResetUserPassword: cognito-password-reset.ts). Users are named by their `sub` and found by email
 * too, as in a pool whose users sign in with their email.
 */
import * as z from 'zod';
import type { PasswordReset } from './cognito-password-reset.ts';
import { CognitoError, type PoolUser, type PoolUsers } from './cognito-users.ts';

const seconds = (date: Date) => date.getTime() / 1000;

const attributes = (user: PoolUser) => [
  { Name: 'sub', Value: user.sub },
  { Name: 'email', Value: user.email },
  { Name: 'email_verified', Value: 'true' },
];

const userType = (user: PoolUser) => ({
  Username: user.sub,
  Attributes: attributes(user),
  UserCreateDate: seconds(user.createdAt),
  UserLastModifiedDate: seconds(user.modifiedAt),
  Enabled: user.enabled,
  UserStatus: user.status,
});

const poolInput = { UserPoolId: z.string().min(1) };
const inputs = {
  AdminCreateUser: z.object({
    ...poolInput,
    Username: z.string().min(1),
    UserAttributes: z.array(z.object({ Name: z.string(), Value: z.string().optional() })).optional(),
    TemporaryPassword: z.string().optional(),
    MessageAction: z.enum(['RESEND', 'SUPPRESS']).optional(),
    DesiredDeliveryMediums: z.array(z.enum(['SMS', 'EMAIL'])).optional(),
  }),
  AdminGetUser: z.object({ ...poolInput, Username: z.string().min(1) }),
  AdminDeleteUser: z.object({ ...poolInput, Username: z.string().min(1) }),
  AdminSetUserPassword: z.object({
    ...poolInput,
    Username: z.string().min(1),
    Password: z.string().min(1),
    Permanent: z.boolean().optional(),
  }),
  ListUsers: z.object({
    ...poolInput,
    Filter: z.string().optional(),
    Limit: z.number().int().min(1).max(60).optional(),
  }),
  AdminResetUserPassword: z.object({ ...poolInput, Username: z.string().min(1) }),
} as const;

const clientInput = { ClientId: z.string().min(1) };
/** The unauthenticated operations: they name the app client, not the pool. */
const clientInputs = {
  ForgotPassword: z.object({ ...clientInput, Username: z.string().min(1).max(128) }),
  ConfirmForgotPassword: z.object({
    ...clientInput,
    Username: z.string().min(1).max(128),
    ConfirmationCode: z.string().min(1).max(2048),
    Password: z.string().min(1).max(256),
  }),
} as const;

type Operation = keyof typeof inputs;
type ClientOperation = keyof typeof clientInputs;
const isOperation = (name: string): name is Operation => Object.hasOwn(inputs, name);
const isClientOperation = (name: string): name is ClientOperation => Object.hasOwn(clientInputs, name);

const invalidParameter = (error: z.ZodError) =>
  new CognitoError('InvalidParameterException', error.issues[0]?.message ?? 'invalid request');

/** `email = "a@b.example"` or `sub = "…"` (the filters ecrm could use); anything else lists everyone. */
const filterOf = (filter: string | undefined): ((user: PoolUser) => boolean) => {
  const match = /^\s*(email|sub)\s*=\s*"([^"]*)"\s*$/.exec(filter ?? '');
  if (!match) return () => true;
  const [, name, value] = match;
  return (user) => (name === 'email' ? user.email === value?.toLowerCase() : user.sub === value);
};

export interface IdpContext {
  readonly poolId: string;
  readonly clientId: string;
  readonly reset: PasswordReset;
  readonly users: PoolUsers;
  readonly now: Date;
  /** Told of each invitation Cognito would email (the temporary password). */
  readonly onInvite: (email: string, temporaryPassword: string) => void;
}

const handleClientOperation = async (
  operationName: ClientOperation,
  body: unknown,
  context: IdpContext,
): Promise<unknown> => {
  const parsed = clientInputs[operationName].safeParse(body ?? {});
  if (!parsed.success) throw invalidParameter(parsed.error);
  if (parsed.data.ClientId !== context.clientId)
    throw new CognitoError(
      'ResourceNotFoundException',
      `User pool client ${parsed.data.ClientId} does not exist.`,
    );
  switch (operationName) {
    case 'ForgotPassword': {
      const { destination } = await context.reset.request(clientInputs.ForgotPassword.parse(body).Username);
      return {
        CodeDeliveryDetails: { Destination: destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      };
    }
    case 'ConfirmForgotPassword': {
      const input = clientInputs.ConfirmForgotPassword.parse(body);
      context.reset.confirm(input.Username, input.ConfirmationCode, input.Password);
      return {};
    }
  }
};

/** Runs one operation; throws CognitoError with Cognito's error type for what Cognito refuses. */
export const handleIdp = async (
  operationName: string,
  body: unknown,
  context: IdpContext,
): Promise<unknown> => {
  if (isClientOperation(operationName)) return handleClientOperation(operationName, body, context);
  if (!isOperation(operationName))
    throw new CognitoError(
      'UnknownOperationException',
      `${operationName} is not served by the local Cognito`,
    );
  const parsed = inputs[operationName].safeParse(body ?? {});
  if (!parsed.success) throw invalidParameter(parsed.error);
  if (parsed.data.UserPoolId !== context.poolId)
    throw new CognitoError(
      'ResourceNotFoundException',
      `User pool ${parsed.data.UserPoolId} does not exist.`,
    );
  const { users, now } = context;
  switch (operationName) {
    case 'AdminCreateUser': {
      const input = inputs.AdminCreateUser.parse(body);
      const email = input.UserAttributes?.find((a) => a.Name === 'email')?.Value ?? input.Username;
      if (!z.email().safeParse(email).success)
        throw new CognitoError('InvalidParameterException', 'Username should be an email.');
      const silent = input.MessageAction === 'SUPPRESS';
      const { user, password } = users.create(email, now, { silent });
      if (input.TemporaryPassword) users.setPassword(user.sub, input.TemporaryPassword, false, now);
      if (!silent) context.onInvite(user.email, input.TemporaryPassword ?? password);
      return { User: userType(user) };
    }
    case 'AdminGetUser': {
      const user = users.get(inputs.AdminGetUser.parse(body).Username);
      const { Attributes, ...rest } = userType(user);
      return { ...rest, UserAttributes: Attributes };
    }
    case 'AdminDeleteUser':
      users.delete(inputs.AdminDeleteUser.parse(body).Username);
      return {};
    case 'AdminSetUserPassword': {
      const input = inputs.AdminSetUserPassword.parse(body);
      users.setPassword(input.Username, input.Password, input.Permanent ?? false, now);
      return {};
    }
    case 'ListUsers': {
      const input = inputs.ListUsers.parse(body);
      const keep = filterOf(input.Filter);
      return {
        Users: users
          .list()
          .filter(keep)
          .slice(0, input.Limit ?? 60)
          .map(userType),
      };
    }
    case 'AdminResetUserPassword':
      await context.reset.require(inputs.AdminResetUserPassword.parse(body).Username);
      return {};
  }
};
