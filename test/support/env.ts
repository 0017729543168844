/**
 * What the global setup (./local-services.global-setup.ts) provides to test workers, typed, and the
 * environment that makes SDK clients created WITHOUT an explicit endpoint reach the local services:
 * AWS SDK v3 honours `AWS_ENDPOINT_URL_<SERVICE>` (verified for DynamoDB, DynamoDB Streams, SESv2,
 * EventBridge and Scheduler with the installed clients), so the code under test is the code that ships.
 */
import { inject } from 'vitest';
import { localAwsEnv, localEndpointEnv } from '../../infra/local/endpoint-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local, e.g. `http://127.0.0.1:41234`. */
    dynamodbEndpoint: string;
    /** The project's table in DynamoDB Local (created from infra/table.definition.ts). */
    tableName: string;
    /** The table's stream ARN (DynamoDB Local's own, region `ddblocal`). */
    tableStreamArn: string;
    /** The local SES v2 endpoint (aws-ses-v2-local). */
    sesEndpoint: string;
  }
}

export interface LocalServices {
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  readonly tableStreamArn: string;
  readonly sesEndpoint: string;
  readonly region: 'us-east-1';
  /** Dummy credentials: the local services accept any. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

const credentials = {
  accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
} as const;

/**
 * Reads the local endpoints and points this worker's environment at them (idempotent): AWS_REGION,
 * dummy credentials, AWS_ENDPOINT_URL_DYNAMODB (and _DYNAMODB_STREAMS), AWS_ENDPOINT_URL_SESV2 and
 * TABLE_NAME. Call it at the top of a test file or in `beforeAll`, before creating clients.
 */
export const useLocalServices = (): LocalServices => {
  const services: LocalServices = {
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: inject('tableName'),
    tableStreamArn: inject('tableStreamArn'),
    sesEndpoint: inject('sesEndpoint'),
    region: 'us-east-1',
    credentials,
  };
  Object.assign(process.env, {
    ...localAwsEnv,
    ...localEndpointEnv({ dynamodb: services.dynamodbEndpoint, sesv2: services.sesEndpoint }),
    TABLE_NAME: services.tableName,
  });
  return services;
};
