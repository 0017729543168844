/**
 * `npm start`: the whole system on this machine with demo data, and the console on the API's origin
 * (built first when it is missing or older than its sources; `--no-console` skips that). Prints where
 * everything is and writes it to .local/stack.json for scripts and the CLI. Ctrl-C stops every process
 * it started.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localStackFile, type StackInfo } from '../../cli/target.ts';
import { ConsoleBuildError, consoleDist, ensureConsoleBuilt } from './console-build.ts';
import { createDemoKeys, createDemoUser, seedDemoData } from './demo-data.ts';
import { PortInUseError } from './port-in-use.ts';
import { startLocalStack } from './stack.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    data: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    'no-console': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port} is not a port (0–65535; 0 picks a free one)`);
  process.exit(2);
}

if (!values['no-console']) {
  const state = await ensureConsoleBuilt({ echo: true }).catch((error: unknown) => {
    console.error(
      error instanceof ConsoleBuildError ? error.message : `the console build failed: ${String(error)}`,
      '\n  Fix the console, or start without it:  npm start -- --no-console',
    );
    process.exit(1);
  });
  if (state === 'built') console.log(`built the console into ${consoleDist}`);
}

// startLocalStack stops whatever it had started before it rejects.
const stack = await startLocalStack({ port, ...(values.data ? { dataPath: values.data } : {}) }).catch(
  (error: unknown) => {
    if (error instanceof PortInUseError) {
      console.error(
        `ecrm: port ${error.port} is already in use (another \`npm start\`?).\n` +
          `  Pick another:  npm start -- --port ${error.port === 65535 ? 3001 : error.port + 1}   (or --port 0 for any free port)`,
      );
    } else console.error('the local stack failed to start:', error);
    process.exit(1);
  },
);
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local stack…`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const keys = await createDemoKeys(stack.table);
  const demo = { ...keys, user: await createDemoUser(stack.table, stack.cognito) };
  if (!values['no-demo']) {
    await seedDemoData(stack.apiUrl, demo);
    await stack.idle();
  }
  const info: StackInfo = {
    apiUrl: stack.apiUrl,
    consoleUrl: stack.consoleUrl,
    dynamodbEndpoint: stack.dynamodbEndpoint,
    tableName: stack.tableName,
    sesEndpoint: stack.sesEndpoint,
    sesWebViewUrl: stack.sesWebViewUrl,
    clockUrl: stack.clockUrl,
    demo,
  };
  mkdirSync('.local', { recursive: true });
  writeFileSync(localStackFile, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`
ecrm local stack is up (Ctrl-C to stop)

  console            ${info.consoleUrl}/${existsSync(join(consoleDist, 'index.html')) ? '' : '   (not built: npm run build:console)'}
  demo user          ${demo.user.email} / ${demo.user.password}   (admin of ${demo.workspaceId})
  API                ${info.apiUrl}
  API reference      ${info.apiUrl}/v1/openapi.json
  demo workspace     ${demo.workspaceId}
  demo admin key     ${demo.apiKey}
  demo ingest key    ${demo.ingestKey}   (browser-safe: POST /v1/track and /v1/subscriptions only)
  SES mail viewer    ${info.sesWebViewUrl}
  DynamoDB Local     ${info.dynamodbEndpoint}   table ${info.tableName}
  local Cognito      ${stack.cognito.endpoint}   (sign-in; invitations are printed here)
  clock              ${stack.clockUrl}   (move time ahead: npm run ecrm -- clock advance 2h --local)

  written to ${localStackFile}

  try: curl -s ${info.apiUrl}/v1/contacts -H "authorization: Bearer ${demo.apiKey}"
`);
} catch (error) {
  console.error('the local stack failed to start:', error);
  await stack.stop();
  process.exit(1);
}
