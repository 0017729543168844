/**
 * A stand-in for the project's DynamoDB document client in handler tests, in the manner of
 * aws-sdk-client-mock: `on(Command, partialInput?)` answers with `resolves`/`rejects`, the latest
 * matching rule wins, `commandCalls(Command)` lists what was sent. It replaces `send` on every
 * instance, so the handlers' own `table()` client is the one answered.
 */
import { isDeepStrictEqual } from 'node:util';
import { vi } from 'vitest';
import type { DocumentCommand } from '../../lib/shared/dynamodb/commands.ts';
import { DynamoDocumentClient } from '../../lib/shared/dynamodb/document-client.ts';

type AnyCommand = DocumentCommand<unknown, unknown>;
type CommandClass<C extends AnyCommand> = new (input: C['input']) => C;

/** `actual` contains everything `expected` has (objects compared field by field, the rest equal). */
const matches = (expected: unknown, actual: unknown): boolean => {
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected))
    return isDeepStrictEqual(expected, actual);
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([k, v]) => matches(v, (actual as Record<string, unknown>)[k]));
};

interface Rule {
  readonly type: abstract new (...args: never[]) => AnyCommand;
  readonly input: unknown;
  answer: () => Promise<unknown>;
}

export const mockDocumentClient = () => {
  const rules: Rule[] = [];
  const calls: AnyCommand[] = [];
  let current: AnyCommand | undefined;
  vi.spyOn(DynamoDocumentClient.prototype, 'send').mockImplementation(async (command: AnyCommand) => {
    calls.push(command);
    current = command;
    const rule = rules.findLast((r) => command instanceof r.type && matches(r.input, command.input));
    return rule ? rule.answer() : undefined;
  });
  const mock = {
    on<C extends AnyCommand>(type: CommandClass<C>, input?: Partial<C['input']>) {
      const rule: Rule = { type, input: input ?? {}, answer: async () => ({}) };
      rules.push(rule);
      return {
        resolves: (output: unknown) => {
          rule.answer = async () => output;
          return mock;
        },
        rejects: (error: Error) => {
          rule.answer = async () => Promise.reject(error);
          return mock;
        },
        /** Answer with what `fake` returns (or throws) for the command's input. */
        callsFake: (fake: (input: C['input']) => unknown) => {
          rule.answer = async () => fake(current?.input);
          return mock;
        },
      };
    },
    commandCalls<C extends AnyCommand>(type: CommandClass<C>): { args: [C] }[] {
      return calls.filter((c): c is C => c instanceof type).map((c) => ({ args: [c] }));
    },
    reset() {
      rules.length = 0;
      calls.length = 0;
    },
  };
  return mock;
};
