/**
 * The CDK app: `cdk deploy -c stage=prod [-c alarmEmail=ops@example.com] [-c sesIdentityArn=arn:...] [-c sesTenants=true]`
 * `[-c tracing=all|<fn>,<fn>] [-c alarmPerFunction=all|<fn>,<fn>]` (X-Ray and per-function alarms are off by default)
 * `[-c consoleDomain=console.brand.example [-c consoleCertificateArn=arn:...]] [-c authDomainPrefix=...]`
 * `[-c consoleDir=<a built console>]` (the console is built by the synth otherwise, see console-build.ts).
 * `[-c inviteFrom=ecrm@shop.example [-c inviteFromName=...] [-c inviteIdentity=shop.example] [-c inviteSesRegion=...]`
 * `[-c inviteConfigurationSet=...]]` sends the user pool's emails through SES (Cognito's own: 50 a day).
 * Environment-agnostic (no account or region baked in), so `cdk synth` works offline and the same templates
 * deploy to whichever account the credentials point at. cdk-nag's AwsSolutions pack validates every synth;
 * `-c nag=false` skips it for a quick local iteration.
 *
 * `createApp` is exported so the infra tests build exactly what `cdk synth` builds, with their own catalogue
 * and context; the module only synthesizes by itself when it is the program being run.
 */
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStack } from './app.stack.ts';
import { functions as catalogue } from './catalogue/functions.ts';
import type { FunctionSpec } from './catalogue/types.ts';
import { consoleDirectory } from './console-build.ts';
import { PROJECT_ROOT } from './constructs/ecrm-function.construct.ts';
import type { UserPoolSesEmail } from './constructs/user-pool.construct.ts';
import { DataStack } from './data.stack.ts';

export interface CreateAppOptions {
  /** The function catalogue; the real one by default. */
  readonly functions?: readonly FunctionSpec[];
  /** Context values, as `-c key=value` or cdk.json would give them. */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
}

export interface EcrmApp {
  readonly app: App;
  readonly stage: string;
  readonly data: DataStack;
  readonly appStack: AppStack;
}

export const createApp = (options: CreateAppOptions = {}): EcrmApp => {
  const app = new App({ context: options.context, outdir: options.outdir });
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };

  /** `all`, `none` (the default) or a comma-separated list of function names. */
  const choice = (value: string | undefined): 'all' | readonly string[] | undefined =>
    value === undefined || value === 'none' || value === 'false'
      ? undefined
      : value === 'all' || value === 'true'
        ? 'all'
        : value.split(',').map((n) => n.trim());

  const stage = context('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`stage "${stage}" must be lowercase letters, digits and dashes, starting with a letter`);
  }
  /** Stack tags: CloudFormation copies them onto every resource that takes tags. */
  const tags = { project: 'ecrm', stage };
  const consoleDomain = context('consoleDomain');
  if (
    consoleDomain !== undefined &&
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(consoleDomain)
  )
    throw new Error(
      `consoleDomain "${consoleDomain}" must be a lowercase host name, e.g. console.brand.example`,
    );

  const data = new DataStack(app, `ecrm-${stage}-data`, {
    stage,
    tags,
    description: `ecrm ${stage}: table, event bus, SES configuration set, secrets key and console users (retained on delete).`,
    authDomainPrefix: context('authDomainPrefix'),
    userPoolEmail: userPoolEmailOf(context),
    ...(consoleDomain === undefined ? {} : { consoleUrl: `https://${consoleDomain}` }),
  });
  const appStack = new AppStack(app, `ecrm-${stage}-app`, {
    tags,
    description: `ecrm ${stage}: functions, HTTP API, console, rules, schedules and alarms.`,
    stage,
    functions: options.functions ?? catalogue,
    table: data.table,
    bus: data.bus,
    configurationSet: data.configurationSet,
    secretsKey: data.secretsKey,
    userPool: data.users.userPool,
    oauthUrl: data.users.oauthUrl,
    consoleDir: consoleDirectory(PROJECT_ROOT, context('consoleDir')),
    consoleDomain,
    consoleCertificateArn: context('consoleCertificateArn'),
    sesIdentityArn: context('sesIdentityArn'),
    sesTenants: context('sesTenants') === 'true',
    publicUrl: context('publicUrl'),
    alarmEmail: context('alarmEmail'),
    tracing: choice(context('tracing')),
    alarmPerFunction: choice(context('alarmPerFunction')),
  });

  if (context('nag') !== 'false') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stage, data, appStack };
};

/** The user pool's SES sender from `-c inviteFrom=` and its companions; undefined without it. */
export const userPoolEmailOf = (
  context: (key: string) => string | undefined,
): UserPoolSesEmail | undefined => {
  const from = context('inviteFrom');
  const companions = ['inviteFromName', 'inviteIdentity', 'inviteSesRegion', 'inviteConfigurationSet'];
  if (from === undefined) {
    const stray = companions.filter((key) => context(key) !== undefined);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} need inviteFrom (the verified SES address)`);
    return undefined;
  }
  const fromName = context('inviteFromName');
  const identity = context('inviteIdentity');
  const sesRegion = context('inviteSesRegion');
  const configurationSet = context('inviteConfigurationSet');
  return {
    from,
    ...(fromName === undefined ? {} : { fromName }),
    ...(identity === undefined ? {} : { identity }),
    ...(sesRegion === undefined ? {} : { sesRegion }),
    ...(configurationSet === undefined ? {} : { configurationSet }),
  };
};

const isProgram = process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename;
if (isProgram) createApp().app.synth();
