/**
 * The environment that routes AWS SDK v3 clients created without an explicit `endpoint` to local
 * services. The SDK reads `AWS_ENDPOINT_URL_<SERVICE ID>` (upper case, spaces as `_`); verified with the
 * installed clients for DynamoDB, DynamoDB Streams, SESv2, EventBridge and Scheduler.
 */

export interface LocalEndpoints {
  /** DynamoDB Local; also used for DynamoDB Streams, which it serves on the same port. */
  readonly dynamodb?: string;
  readonly sesv2?: string;
  readonly eventbridge?: string;
  readonly scheduler?: string;
}

/** Dummy credentials and a region: the local services accept any. */
export const localAwsEnv = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

/** `AWS_ENDPOINT_URL_*` variables for the endpoints given (and only those). */
export const localEndpointEnv = (endpoints: LocalEndpoints): Record<string, string> => ({
  ...(endpoints.dynamodb
    ? { AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb, AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamodb }
    : {}),
  ...(endpoints.sesv2 ? { AWS_ENDPOINT_URL_SESV2: endpoints.sesv2 } : {}),
  ...(endpoints.eventbridge ? { AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge } : {}),
  ...(endpoints.scheduler ? { AWS_ENDPOINT_URL_SCHEDULER: endpoints.scheduler } : {}),
});
