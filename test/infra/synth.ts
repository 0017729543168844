/**
 * Builds the ecrm app the way `cdk synth` does (same `createApp`, same cdk.json feature flags) and hands
 * back both stacks with their templates, plus cdk-nag's findings. Bundling is real: a broken handler entry
 * fails the infra tests as it would fail a deploy.
 */
import { fileURLToPath } from 'node:url';
import { NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { createApp, type EcrmApp } from '../../infra/app.ts';
import type { FunctionSpec } from '../../infra/catalogue/types.ts';

export interface Synthesized extends EcrmApp {
  readonly dataTemplate: Template;
  /**
   * The app stack with its nested stacks (the API tags') merged in, their parameters and outputs
   * resolved to what the app stack passes and reads: every function, route and grant in one template.
   */
  readonly appTemplate: Template;
  /** Each real stack's own template, the app stack's first: what CloudFormation's limits apply to. */
  readonly stackTemplates: ReadonlyMap<string, Template>;
}

/**
 * A stand-in for the built console, so the infra tests neither need nor run `npm run build:console` (the
 * app's `-c consoleDir`, see infra/console-build.ts).
 */
export const CONSOLE_FIXTURE = fileURLToPath(new URL('./fixtures/console', import.meta.url));

/** Synthesize with `functions` (the real catalogue when omitted); cdk-nag runs separately, see `nagFindings`. */
export const synthesize = (
  functions?: readonly FunctionSpec[],
  context: Record<string, unknown> = {},
): Synthesized => {
  const ecrm = createApp({
    functions,
    context: { ...cdkJson.context, nag: 'false', consoleDir: CONSOLE_FIXTURE, ...context },
  });
  const parent = Template.fromStack(ecrm.appStack);
  const nested = ecrm.appStack.node.children.filter((c) => c instanceof NestedStack);
  const stackTemplates = new Map([[ecrm.appStack.node.id, parent]]);
  for (const stack of nested) stackTemplates.set(stack.node.id, Template.fromStack(stack));
  const merged = nested.reduce<CfnTemplate>(
    (template, stack) =>
      mergeNested(template, resourceId(stack), stackTemplates.get(stack.node.id)?.toJSON() ?? {}),
    parent.toJSON(),
  );
  return {
    ...ecrm,
    dataTemplate: Template.fromStack(ecrm.data),
    appTemplate: Template.fromJSON(merged),
    stackTemplates,
  };
};

type CfnTemplate = { [key: string]: unknown };

const resourceId = (stack: NestedStack): string => {
  const resource = stack.nestedStackResource;
  if (!resource) throw new Error(`${stack.node.path} has no stack resource`);
  return Stack.of(resource).getLogicalId(resource);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` with every `{ Ref: name }` of a key of `bindings` replaced by its binding. */
const substitute = (value: unknown, bindings: Record<string, unknown>): unknown => {
  if (Array.isArray(value)) return value.map((v) => substitute(v, bindings));
  if (!isRecord(value)) return value;
  const ref = value.Ref;
  if (typeof ref === 'string' && Object.keys(value).length === 1 && ref in bindings) return bindings[ref];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, bindings)]));
};

/** `{ Fn::GetAtt: [stackId, 'Outputs.X'] }` in the parent replaced by the nested output's value. */
const readOutputs = (value: unknown, stackId: string, outputs: Record<string, unknown>): unknown => {
  if (Array.isArray(value)) return value.map((v) => readOutputs(v, stackId, outputs));
  if (!isRecord(value)) return value;
  const att = value['Fn::GetAtt'];
  if (Array.isArray(att) && att[0] === stackId && typeof att[1] === 'string' && att[1].startsWith('Outputs.'))
    return outputs[att[1].slice('Outputs.'.length)];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readOutputs(v, stackId, outputs)]));
};

const mergeNested = (parent: CfnTemplate, stackId: string, child: CfnTemplate): CfnTemplate => {
  const resources = isRecord(parent.Resources) ? { ...parent.Resources } : {};
  const stackResource = resources[stackId];
  const properties =
    isRecord(stackResource) && isRecord(stackResource.Properties) ? stackResource.Properties : {};
  const bindings = isRecord(properties.Parameters) ? properties.Parameters : {};
  delete resources[stackId];
  const childResources = substitute(child.Resources ?? {}, bindings);
  const childOutputs = substitute(child.Outputs ?? {}, bindings);
  const outputs = Object.fromEntries(
    Object.entries(isRecord(childOutputs) ? childOutputs : {}).map(([k, v]) => [
      k,
      isRecord(v) ? v.Value : v,
    ]),
  );
  for (const [id, resource] of Object.entries(isRecord(childResources) ? childResources : {})) {
    if (id in resources) throw new Error(`${id} is in both the app stack and ${stackId}`);
    resources[id] = resource;
  }
  return {
    ...parent,
    Resources: readOutputs(resources, stackId, outputs),
    Outputs: readOutputs(parent.Outputs ?? {}, stackId, outputs),
  };
};

export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly paths: readonly string[];
}

/**
 * AwsSolutions findings under `scope` that no acknowledgement covers. With `ignoreAcknowledgements`, every
 * finding, acknowledged or not: used to prove that each acknowledgement still matches something.
 */
export const nagFindings = (scope: IConstruct, { ignoreAcknowledgements = false } = {}): NagFinding[] => {
  const pack = new AwsSolutionsChecks();
  if (ignoreAcknowledgements) {
    // cdk-nag keeps this check private; shadowing it on this one instance is the only way to see raw findings.
    Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  }
  return pack.validateScope(scope).violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity ?? 'error',
    paths: v.violatingResources.flatMap((r) => (r.constructPath ? [r.constructPath] : [])),
  }));
};

/** Logical ids of the resources of `type` in a template. */
export const logicalIds = (template: Template, type: string): string[] =>
  Object.keys(template.findResources(type));

export interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The statements of an AWS::IAM::Policy resource, as `Template.findResources` returns it. */
export const statementsOf = (
  policy: Record<string, { PolicyDocument: { Statement: Statement[] } }>,
): Statement[] => policy.Properties?.PolicyDocument.Statement ?? [];

/** The one Lambda function deployed as `ecrm-dev-<name>`, with its logical id. */
export const deployedFunction = (template: Template, name: string) => {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `ecrm-dev-${name}` } }),
  );
  const [only, ...others] = found;
  if (!only || others.length > 0) throw new Error(`expected exactly one function ecrm-dev-${name}`);
  const [logicalId, resource] = only;
  return { logicalId, properties: resource.Properties };
};

/** Every IAM action granted to the execution role of `ecrm-dev-<name>`. */
export const grantedActions = (template: Template, name: string): string[] => {
  const role: unknown = deployedFunction(template, name).properties.Role['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: role }]) },
  });
  return Object.values(policies).flatMap((p) => statementsOf(p).flatMap((s) => [s.Action].flat()));
};

export const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];
export const TABLE_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * What a function's role may do, compared with what its spec declares: the list of mismatches, empty when
 * the grants are exactly those the `access` declaration implies.
 */
export const accessMismatches = (template: Template, spec: FunctionSpec): string[] => {
  const actions = new Set(grantedActions(template, spec.name));
  const has = (action: string) => actions.has(action);
  const { access } = spec;
  const problems: string[] = [];
  const expect = (condition: boolean, problem: string) => {
    if (!condition) problems.push(`${spec.name}: ${problem}`);
  };
  expect(
    TABLE_READS.every(has) === (access.table !== undefined),
    `table reads vs access.table=${access.table}`,
  );
  expect(
    TABLE_WRITES.every(has) === (access.table === 'readWrite'),
    `table writes vs access.table=${access.table}`,
  );
  expect(
    TABLE_WRITES.some(has) === (access.table === 'readWrite'),
    `some table write vs access.table=${access.table}`,
  );
  expect(has('events:PutEvents') === (access.bus === 'put'), `events:PutEvents vs access.bus=${access.bus}`);
  expect(has('ses:SendEmail') === (access.ses === 'send'), `ses:SendEmail vs access.ses=${access.ses}`);
  expect(has('ses:GetAccount') === (access.ses !== undefined), `ses:GetAccount vs access.ses=${access.ses}`);
  expect(
    has('ses:GetEmailIdentity') === (access.sesIdentities !== undefined),
    `ses:GetEmailIdentity vs access.sesIdentities=${access.sesIdentities}`,
  );
  expect(
    has('ses:CreateEmailIdentity') === (access.sesIdentities === 'manage') &&
      has('ses:DeleteEmailIdentity') === (access.sesIdentities === 'manage'),
    `ses:Create/DeleteEmailIdentity vs access.sesIdentities=${access.sesIdentities}`,
  );
  const manages = access.scheduler === 'manage';
  expect(has('scheduler:CreateSchedule') === manages, `scheduler:CreateSchedule vs access.scheduler`);
  expect(has('iam:PassRole') === manages, `iam:PassRole vs access.scheduler`);
  expect(
    has('kms:Encrypt') === (access.kms === 'encrypt' || access.kms === 'encryptDecrypt'),
    `kms:Encrypt vs access.kms=${access.kms}`,
  );
  expect(
    has('kms:Decrypt') === (access.kms === 'decrypt' || access.kms === 'encryptDecrypt'),
    `kms:Decrypt vs access.kms=${access.kms}`,
  );
  expect(
    [...actions].filter((a) => a.startsWith('kms:')).length ===
      (access.kms === 'encryptDecrypt' ? 2 : access.kms ? 1 : 0),
    `kms actions beyond Encrypt/Decrypt vs access.kms=${access.kms}`,
  );
  expect(
    has('cognito-idp:AdminCreateUser') === (access.userPool === 'manage'),
    `cognito-idp:AdminCreateUser vs access.userPool=${access.userPool}`,
  );
  expect(
    [...actions].filter((a) => a.startsWith('cognito-idp:')).length ===
      (access.userPool === 'manage' ? 5 : 0),
    `cognito-idp actions beyond the five user-management ones vs access.userPool=${access.userPool}`,
  );
  expect(![...actions].some((a) => a.includes('*')), 'a wildcard action');
  return problems;
};
