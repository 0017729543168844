/**
 * Vitest global setup for the integration and e2e projects: one DynamoDB Local (in memory, with the
 * project's table) and one local SES endpoint for the whole run, handed to the test workers through
 * `provide`. Tests read them with `useLocalServices()` from ./env.ts.
 *
 * The JVM is killed in teardown, and by infra/local/child-guard.ts if the run crashes.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { startSesLocal } from '../../infra/local/ses-local.ts';

export const TEST_TABLE_NAME = 'ecrm-test';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([
    startDynamoDbLocal({ tableName: TEST_TABLE_NAME }),
    startSesLocal(),
  ]);
  const [dynamodbStart, sesStart] = started;
  if (dynamodbStart.status === 'rejected' || sesStart.status === 'rejected') {
    // Do not leave the one that started running: vitest does not call teardown when setup throws.
    await Promise.allSettled(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    const reasons = started.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    throw new AggregateError(reasons, `local services failed to start: ${reasons.map(String).join('; ')}`);
  }
  const dynamodb = dynamodbStart.value;
  const ses = sesStart.value;
  const teardown = async () => {
    await Promise.allSettled([dynamodb.stop(), ses.stop()]);
  };
  if (!dynamodb.streamArn) {
    await teardown();
    throw new Error('the test table has no stream');
  }
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('tableName', TEST_TABLE_NAME);
  project.provide('tableStreamArn', dynamodb.streamArn);
  project.provide('sesEndpoint', ses.endpoint);
  return teardown;
}
