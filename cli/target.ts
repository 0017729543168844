/**
 * Where the CLI acts: the local stack (from .local/stack.json) or a deployed table named with
 * --table / ECRM_TABLE_NAME, using the usual AWS credentials and region of the shell.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { localDocumentClient } from '../infra/local/dynamodb-local.ts';
import { documentClient } from '../lib/shared/dynamodb/document-client.ts';
import type { Table } from '../lib/shared/table.ts';

export const localStackFile = '.local/stack.json';

export const stackInfo = z.object({
  apiUrl: z.string(),
  /** The console's URL: the API's, as the local HTTP API serves the console too. */
  consoleUrl: z.string(),
  dynamodbEndpoint: z.string(),
  tableName: z.string(),
  sesEndpoint: z.string(),
  sesWebViewUrl: z.string(),
  /** The accelerated clock (`POST {"advance": "2h"}`); absent from files of older stacks. */
  clockUrl: z.string().optional(),
  demo: z.object({
    workspaceId: z.string(),
    apiKey: z.string(),
    ingestKey: z.string(),
    /** The demo workspace's admin, who signs in to the console. */
    user: z.object({ email: z.string(), password: z.string() }),
  }),
});
export type StackInfo = z.infer<typeof stackInfo>;

export const readStackInfo = (file = localStackFile): StackInfo => {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} not found: start the local stack with "npm start" first, or pass --table`);
  }
  return stackInfo.parse(JSON.parse(raw));
};

export const resolveTable = (options: { local?: boolean | undefined; table?: string | undefined }): Table => {
  if (options.local) {
    const info = readStackInfo();
    return { client: localDocumentClient(info.dynamodbEndpoint), name: info.tableName };
  }
  const name = options.table ?? process.env.ECRM_TABLE_NAME;
  if (!name)
    throw new Error('say where: --local, or --table <name> (or ECRM_TABLE_NAME) with AWS credentials');
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('say which region: AWS_REGION (or AWS_DEFAULT_REGION)');
  // The SDK resolves the shell's credentials (environment, profile, SSO...); the table client is the
  // project's own, as in Lambda.
  const sdk = new DynamoDBClient({ region });
  return {
    client: documentClient({
      region,
      url: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? `https://dynamodb.${region}.amazonaws.com`,
      credentials: () => sdk.config.credentials(),
    }),
    name,
  };
};
