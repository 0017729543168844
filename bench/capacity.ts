/**
 * Counts DynamoDB round trips and consumed capacity per function, through an SDK middleware that asks
 * every request for `ReturnConsumedCapacity: TOTAL`. Units carry over to AWS cost exactly.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invocationContext } from '../infra/local/invocation-context.ts';

export interface Tally {
  calls: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
}

const empty = (): Tally => ({ calls: 0, readUnits: 0, writeUnits: 0, byCommand: {} });

interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

const unitsOf = (command: string, consumed: unknown): { read: number; write: number } => {
  const list: Capacity[] = Array.isArray(consumed)
    ? consumed
    : consumed && typeof consumed === 'object'
      ? [consumed]
      : [];
  let read = 0;
  let write = 0;
  for (const c of list) {
    if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
      read += c.ReadCapacityUnits ?? 0;
      write += c.WriteCapacityUnits ?? 0;
    } else if (/Get|Query|Scan/.test(command)) read += c.CapacityUnits ?? 0;
    else write += c.CapacityUnits ?? 0;
  }
  return { read, write };
};

export const meter = () => {
  const tallies = new Map<string, Tally>();
  const attach = (client: DynamoDBDocumentClient) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        const name = invocationContext.getStore()?.functionName ?? 'other';
        const tally = tallies.get(name) ?? empty();
        const command = context.commandName ?? 'unknown';
        const output = result.output as { ConsumedCapacity?: unknown };
        const units = unitsOf(command, output.ConsumedCapacity);
        tally.calls += 1;
        tally.readUnits += units.read;
        tally.writeUnits += units.write;
        tally.byCommand[command] = (tally.byCommand[command] ?? 0) + 1;
        tallies.set(name, tally);
        return result;
      },
      { step: 'initialize', name: 'ecrmCapacityMeter', override: true },
    );
  };
  return {
    attach,
    reset: () => tallies.clear(),
    get: (fn: string): Tally => tallies.get(fn) ?? empty(),
    all: () => new Map(tallies),
  };
};
