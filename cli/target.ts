/**
 * Where the CLI acts: the local stack (from .local/stack.json) or a deployed table named with
 * --table / ECRM_TABLE_NAME, using the usual AWS credentials and region of the shell.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Table } from '../lib/shared/table.ts';

export const localStackFile = '.local/stack.json';

export const stackInfo = z.object({
  apiUrl: z.string(),
  dynamodbEndpoint: z.string(),
  tableName: z.string(),
  sesEndpoint: z.string(),
  sesWebViewUrl: z.string(),
  demo: z.object({ workspaceId: z.string(), apiKey: z.string(), ingestKey: z.string() }),
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
    const client = new DynamoDBClient({
      endpoint: info.dynamodbEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return {
      client: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
      name: info.tableName,
    };
  }
  const name = options.table ?? process.env.ECRM_TABLE_NAME;
  if (!name)
    throw new Error('say where: --local, or --table <name> (or ECRM_TABLE_NAME) with AWS credentials');
  return {
    client: DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    name,
  };
};
