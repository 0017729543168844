/**
 * A stand-in for the project's own AWS clients (DynamoDB, SES) in handler tests, in the manner of
 * aws-sdk-client-mock: `on(Command, partialInput?)` answers with `resolves`/`rejects`/`callsFake`,
 * the latest matching rule wins, `commandCalls(Command)` lists what was sent. It replaces `send` on
 * every instance of the client's class, so the handlers' own clients are the ones answered.
 */
import { isDeepStrictEqual } from 'node:util';
import { vi } from 'vitest';
import { AwsServiceError } from '../../lib/shared/aws/aws-http.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { DynamoDocumentClient } from '../../lib/shared/dynamodb/document-client.ts';

type AnyCommand = { readonly input: unknown };
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
  /** Answers used once each, in order, before `answer`. */
  readonly once: ((input: unknown) => Promise<unknown>)[];
  answer: (input: unknown) => Promise<unknown>;
}

/** An error as AWS answers it: its code as the name (what the project's clients throw). */
export const awsError = (name: string, message = name, status = 400): AwsServiceError =>
  new AwsServiceError(name, message, status, {});

const mockAwsClient = (client: { prototype: { send: (command: never) => Promise<unknown> } }) => {
  const rules: Rule[] = [];
  const calls: AnyCommand[] = [];
  vi.spyOn(client.prototype, 'send').mockImplementation(async (command: AnyCommand) => {
    calls.push(command);
    const rule = rules.findLast((r) => command instanceof r.type && matches(r.input, command.input));
    if (!rule) return undefined;
    return (rule.once.shift() ?? rule.answer)(command.input);
  });
  const mock = {
    on<C extends AnyCommand>(type: CommandClass<C>, input?: Partial<C['input']>) {
      const rule: Rule = { type, input: input ?? {}, once: [], answer: async () => ({}) };
      rules.push(rule);
      const behaviour = {
        resolves: (output: unknown) => {
          rule.answer = async () => output;
          return behaviour;
        },
        rejects: (error: Error) => {
          rule.answer = async () => Promise.reject(error);
          return behaviour;
        },
        resolvesOnce: (output: unknown) => {
          rule.once.push(async () => output);
          return behaviour;
        },
        rejectsOnce: (error: Error) => {
          rule.once.push(async () => Promise.reject(error));
          return behaviour;
        },
        /** Answer with what `fake` returns (or throws) for the command's input. */
        callsFake: (fake: (input: C['input']) => unknown) => {
          rule.answer = async (input) => fake(input as C['input']);
          return behaviour;
        },
      };
      return behaviour;
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

export const mockDocumentClient = () => mockAwsClient(DynamoDocumentClient);
export const mockSesClient = () => mockAwsClient(SesClient);
