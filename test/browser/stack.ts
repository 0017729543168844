/**
 * The local stack for browser tests: the e2e stack (DynamoDB Local and the SES store of the global
 * setup, a table of its own) serving the console the browser project's global setup chose (the real
 * build, or the fixture while there is no console project).
 */
import { inject } from 'vitest';
import '../support/env.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { randomToken } from '../../lib/shared/ids.ts';

export const startConsoleStack = (): Promise<LocalStack> =>
  startLocalStack({
    dynamodb: { endpoint: inject('dynamodbEndpoint') },
    tableName: `browser-${randomToken(6)}`,
    sesEndpoint: inject('sesEndpoint'),
    consoleDir: inject('consoleDir'),
    seedDemo: false,
    quiet: true,
  });
