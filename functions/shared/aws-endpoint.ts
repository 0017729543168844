/**
 * Where the project's own AWS clients (lib/shared/aws) call, from the environment Lambda gives every
 * function (AWS_REGION and the execution role's credentials) and the standard endpoint overrides
 * (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`) the local stack sets, as the SDK reads them.
 * Credentials are read at each call: the environment is the one place Lambda keeps them.
 */
import type { AwsEndpoint } from '../../lib/shared/aws/aws-http.ts';
import type { AwsCredentials } from '../../lib/shared/aws/sigv4.ts';

export class MissingAwsEnvironmentError extends Error {}

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new MissingAwsEnvironmentError(`${name} is not set`);
  return value;
};

const credentials = (): AwsCredentials => ({
  accessKeyId: required('AWS_ACCESS_KEY_ID'),
  secretAccessKey: required('AWS_SECRET_ACCESS_KEY'),
  sessionToken: process.env.AWS_SESSION_TOKEN || undefined,
});

/** `service` is the signing name; `envName` the SDK's service id in `AWS_ENDPOINT_URL_<ID>`. */
export const awsEndpoint = (service: string, envName: string, host: string): AwsEndpoint => {
  const region = required('AWS_REGION');
  return {
    service,
    region,
    url:
      process.env[`AWS_ENDPOINT_URL_${envName}`] ||
      process.env.AWS_ENDPOINT_URL ||
      `https://${host}.${region}.amazonaws.com`,
    credentials,
  };
};
