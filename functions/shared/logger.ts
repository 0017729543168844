/**
 * The functions' logger. Its service is the function's own (`POWERTOOLS_SERVICE_NAME`, which the shared
 * function construct sets to the catalogue name; else the Lambda function name), so a log line says
 * which function wrote it. `ecrm` only where neither is set (scripts, the local stack).
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const serviceNameOf = (env: Readonly<Record<string, string | undefined>>): string =>
  env.POWERTOOLS_SERVICE_NAME || env.AWS_LAMBDA_FUNCTION_NAME || 'ecrm';

export const logger = new Logger({ serviceName: serviceNameOf(process.env) });
