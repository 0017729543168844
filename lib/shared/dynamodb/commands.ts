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

/** A command: the DynamoDB operation it calls and its document input; `O` is its output's type. */
export abstract class DocumentCommand<I, O> {
  abstract readonly operation: string;
  /** Never set: carries the output type for `send`. */
  declare readonly _output?: O;
  constructor(readonly input: I) {}
}

export type OutputOf<C> = C extends DocumentCommand<unknown, infer O> ? O : never;

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  readonly operation = 'Query';
}
export class ScanCommand extends DocumentCommand<ScanCommandInput, ScanCommandOutput> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends DocumentCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  readonly operation = 'BatchWriteItem';
}
export class TransactWriteCommand extends DocumentCommand<
  TransactWriteCommandInput,
  TransactWriteCommandOutput
> {
  readonly operation = 'TransactWriteItems';
}

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
