/**
 * Run as a child process by test/integration/local-dynamodb.test.ts: starts DynamoDB Local, prints the
 * JVM's pid, then idles until it is killed, so the test can check that the JVM dies with it.
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';

const dynamodb = await startDynamoDbLocal();
process.stdout.write(`${JSON.stringify({ pid: dynamodb.pid })}\n`);
setInterval(() => {}, 60_000);
