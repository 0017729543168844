/**
 * The DynamoDB document commands ecrm uses, with the same names, inputs and outputs as
 * `@aws-sdk/lib-dynamodb` (whose types they reuse, at no run-time cost), sent by the project's own
 * document client (`document-client.ts`). Repositories import them from here.
 */
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { AwsCommand } from '../aws/aws-http.ts';

/** A document command: the DynamoDB operation it calls, its document input, its output's type. */
export abstract class DocumentCommand<I, O> extends AwsCommand<I, O> {
  abstract readonly operation: string;
}

const command = <I, O>(operation: string) =>
  class extends DocumentCommand<I, O> {
    readonly operation = operation;
  };

export const GetCommand = command<GetCommandInput, GetCommandOutput>('GetItem');
export type GetCommand = InstanceType<typeof GetCommand>;
export const PutCommand = command<PutCommandInput, PutCommandOutput>('PutItem');
export type PutCommand = InstanceType<typeof PutCommand>;
export const UpdateCommand = command<UpdateCommandInput, UpdateCommandOutput>('UpdateItem');
export type UpdateCommand = InstanceType<typeof UpdateCommand>;
export const DeleteCommand = command<DeleteCommandInput, DeleteCommandOutput>('DeleteItem');
export type DeleteCommand = InstanceType<typeof DeleteCommand>;
export const QueryCommand = command<QueryCommandInput, QueryCommandOutput>('Query');
export type QueryCommand = InstanceType<typeof QueryCommand>;
export const ScanCommand = command<ScanCommandInput, ScanCommandOutput>('Scan');
export type ScanCommand = InstanceType<typeof ScanCommand>;
export const BatchGetCommand = command<BatchGetCommandInput, BatchGetCommandOutput>('BatchGetItem');
export type BatchGetCommand = InstanceType<typeof BatchGetCommand>;
export const BatchWriteCommand = command<BatchWriteCommandInput, BatchWriteCommandOutput>('BatchWriteItem');
export type BatchWriteCommand = InstanceType<typeof BatchWriteCommand>;
export const TransactWriteCommand = command<TransactWriteCommandInput, TransactWriteCommandOutput>(
  'TransactWriteItems',
);
export type TransactWriteCommand = InstanceType<typeof TransactWriteCommand>;

/** Every page of a query, following `LastEvaluatedKey` (as lib-dynamodb's `paginateQuery`). */
export async function* paginateQuery(
  config: {
    readonly client: { send(c: QueryCommand): Promise<QueryCommandOutput> };
    /** Items per page (`Limit`). */
    readonly pageSize?: number;
  },
  input: QueryCommandInput,
): AsyncGenerator<QueryCommandOutput> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await config.client.send(
      new QueryCommand({
        ...input,
        ...(config.pageSize ? { Limit: config.pageSize } : {}),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}
