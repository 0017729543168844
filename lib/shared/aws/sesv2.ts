/**
 * The SES v2 operations ecrm calls, with the SDK's command names, inputs and outputs (its types, at
 * no run-time cost), sent by the project's own client over SES's REST JSON protocol with SigV4. As
 * for DynamoDB (lib/shared/dynamodb), the SDK's client is the cold start's heaviest import.
 *
 * The operations' methods and paths are SES v2's (the API reference, as the SDK serialises them);
 * inputs named in the path are taken out of the body.
 */
import type {
  CreateEmailIdentityCommandInput,
  CreateEmailIdentityCommandOutput,
  CreateTenantCommandInput,
  CreateTenantCommandOutput,
  CreateTenantResourceAssociationCommandInput,
  CreateTenantResourceAssociationCommandOutput,
  DeleteEmailIdentityCommandInput,
  DeleteEmailIdentityCommandOutput,
  DeleteTenantResourceAssociationCommandInput,
  DeleteTenantResourceAssociationCommandOutput,
  GetAccountCommandInput,
  GetAccountCommandOutput,
  GetEmailIdentityCommandInput,
  GetEmailIdentityCommandOutput,
  PutEmailIdentityMailFromAttributesCommandInput,
  PutEmailIdentityMailFromAttributesCommandOutput,
  SendBulkEmailCommandInput,
  SendBulkEmailCommandOutput,
  SendEmailCommandInput,
  SendEmailCommandOutput,
} from '@aws-sdk/client-sesv2';
import {
  AwsCommand,
  type AwsEndpoint,
  type CallOptions,
  jsonCall,
  type OutputOf,
  type Transport,
} from './aws-http.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** An SES v2 command: its HTTP method and path (`{Name}` filled from the input), and its input. */
export abstract class SesCommand<I, O> extends AwsCommand<I, O> {
  abstract readonly method: Method;
  abstract readonly path: string;
}

const command = <I, O>(method: Method, path: string) =>
  class extends SesCommand<I, O> {
    readonly method = method;
    readonly path = path;
  };

const IDENTITY = '/v2/email/identities/{EmailIdentity}';

export const SendBulkEmailCommand = command<SendBulkEmailCommandInput, SendBulkEmailCommandOutput>(
  'POST',
  '/v2/email/outbound-bulk-emails',
);
export const SendEmailCommand = command<SendEmailCommandInput, SendEmailCommandOutput>(
  'POST',
  '/v2/email/outbound-emails',
);
export const GetAccountCommand = command<GetAccountCommandInput, GetAccountCommandOutput>(
  'GET',
  '/v2/email/account',
);
export const CreateEmailIdentityCommand = command<
  CreateEmailIdentityCommandInput,
  CreateEmailIdentityCommandOutput
>('POST', '/v2/email/identities');
export const GetEmailIdentityCommand = command<GetEmailIdentityCommandInput, GetEmailIdentityCommandOutput>(
  'GET',
  IDENTITY,
);
export const DeleteEmailIdentityCommand = command<
  DeleteEmailIdentityCommandInput,
  DeleteEmailIdentityCommandOutput
>('DELETE', IDENTITY);
export const PutEmailIdentityMailFromAttributesCommand = command<
  PutEmailIdentityMailFromAttributesCommandInput,
  PutEmailIdentityMailFromAttributesCommandOutput
>('PUT', `${IDENTITY}/mail-from`);
export const CreateTenantCommand = command<CreateTenantCommandInput, CreateTenantCommandOutput>(
  'POST',
  '/v2/email/tenants',
);
export const CreateTenantResourceAssociationCommand = command<
  CreateTenantResourceAssociationCommandInput,
  CreateTenantResourceAssociationCommandOutput
>('POST', '/v2/email/tenants/resources');
export const DeleteTenantResourceAssociationCommand = command<
  DeleteTenantResourceAssociationCommandInput,
  DeleteTenantResourceAssociationCommandOutput
>('POST', '/v2/email/tenants/resources/delete');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The path with its `{Name}` labels filled (each encoded) and the body without them. */
export const httpRequestOf = (command: SesCommand<unknown, unknown>) => {
  const body: Record<string, unknown> = isObject(command.input) ? { ...command.input } : {};
  const path = command.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = body[name];
    delete body[name];
    if (typeof value !== 'string' || value === '')
      throw new Error(`SES ${command.path}: ${name} is required`);
    return encodeURIComponent(value);
  });
  const hasBody = command.method === 'POST' || command.method === 'PUT';
  const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
  return {
    method: command.method,
    path,
    headers,
    body: hasBody ? JSON.stringify(body) : '',
  };
};

/** The client: a class, so tests can stand in for `send` on every instance. */
export class SesClient {
  readonly #endpoint: AwsEndpoint;
  readonly #options: CallOptions & { readonly transport?: Transport };

  constructor(
    endpoint: Omit<AwsEndpoint, 'service'>,
    options: CallOptions & { readonly transport?: Transport } = {},
  ) {
    this.#endpoint = { ...endpoint, service: 'ses' };
    this.#options = options;
  }

  async send<C extends SesCommand<unknown, unknown>>(command: C): Promise<OutputOf<C>> {
    // The output's type is the command's: the SDK's types of SES's model.
    return (await jsonCall(this.#endpoint, httpRequestOf(command), this.#options)) as OutputOf<C>;
  }
}

/** Whether an error is SES's error of that name (the SDK's exception classes, by name). */
export const isSesError = (error: unknown, ...names: readonly string[]): error is Error =>
  error instanceof Error && names.includes(error.name);
