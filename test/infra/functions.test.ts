import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import {
  accessMismatches,
  deployedFunction,
  grantedActions,
  type Synthesized,
  statementsOf,
  synthesize,
  TABLE_READS,
  TABLE_WRITES,
} from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger);
});

const propertiesOf = (name: string) => deployedFunction(ecrm.appTemplate, name).properties;
const actionsOf = (name: string) => grantedActions(ecrm.appTemplate, name);
const envOf = (name: string): Record<string, unknown> => propertiesOf(name).Environment.Variables;

describe('the shared function construct', () => {
  it('builds one Lambda per catalogue entry, named after it', () => {
    // Besides them, only CDK's own handlers (the console upload, the console bucket's emptying): unnamed.
    const named = Object.values(ecrm.appTemplate.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.FunctionName !== undefined,
    );
    expect(named).toHaveLength(everyTrigger.length);
    for (const { name } of everyTrigger) propertiesOf(name);
  });

  it('runs every function on nodejs24.x, arm64, without X-Ray unless asked, and JSON logs at INFO', () => {
    for (const { name } of everyTrigger) {
      expect(propertiesOf(name)).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' },
      });
      expect(propertiesOf(name).ReservedConcurrentExecutions).toBeUndefined();
      expect(propertiesOf(name).TracingConfig?.Mode ?? 'PassThrough').not.toBe('Active');
    }
  });

  it('traces with X-Ray the functions asked for (-c tracing=all or a list of names)', () => {
    const [first, second] = everyTrigger;
    if (!first || !second) throw new Error('the fixture catalogue is too small');
    const traced = synthesize(everyTrigger, { tracing: first.name });
    expect(deployedFunction(traced.appTemplate, first.name).properties.TracingConfig).toEqual({
      Mode: 'Active',
    });
    expect(deployedFunction(traced.appTemplate, second.name).properties.TracingConfig?.Mode).not.toBe(
      'Active',
    );
  });

  it('takes memory and timeout from the spec, with small defaults', () => {
    for (const { name, memoryMb, timeoutSeconds } of everyTrigger) {
      expect(propertiesOf(name), name).toMatchObject({
        MemorySize: memoryMb ?? 256,
        Timeout: timeoutSeconds ?? 10,
      });
    }
    expect(propertiesOf('run-step')).toMatchObject({ MemorySize: 512, Timeout: 60 });
  });

  it('logs every function to one shared log group with a retention (two resources fewer per function)', () => {
    const groups = ecrm.appTemplate.findResources('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 30 },
    });
    const used = everyTrigger.map(({ name }) => propertiesOf(name).LoggingConfig.LogGroup.Ref);
    expect(new Set(used).size).toBe(1);
    for (const group of used) expect(Object.keys(groups)).toContain(group);
  });

  it('sets an environment variable exactly when the spec declares the matching access', () => {
    for (const { name, access } of everyTrigger) {
      const env = envOf(name);
      expect('TABLE_NAME' in env, `${name} TABLE_NAME`).toBe(access.table !== undefined);
      expect('BUS_NAME' in env, `${name} BUS_NAME`).toBe(access.bus !== undefined);
      expect('SES_CONFIGURATION_SET' in env, `${name} SES_CONFIGURATION_SET`).toBe(
        access.ses !== undefined || access.sesIdentities !== undefined,
      );
      expect('SES_ARN_PREFIX' in env, `${name} SES_ARN_PREFIX`).toBe(access.sesIdentities !== undefined);
      expect('SECRETS_KEY_ID' in env, `${name} SECRETS_KEY_ID`).toBe(access.kms !== undefined);
      for (const variable of ['SCHEDULER_GROUP', 'SCHEDULER_ROLE_ARN', 'SCHEDULED_TARGET_ARN']) {
        expect(variable in env, `${name} ${variable}`).toBe(access.scheduler !== undefined);
      }
      expect('PUBLIC_URL' in env, `${name} PUBLIC_URL`).toBe(access.links !== undefined);
    }
  });

  it("points link builders at the HTTP API's URL, or at the deployment's own domain (-c publicUrl)", () => {
    const builder = everyTrigger.find((f) => f.access.links);
    if (!builder) throw new Error('the fixture has no link builder');
    expect(JSON.stringify(envOf(builder.name).PUBLIC_URL)).toContain('HttpApi');
    const own = synthesize(everyTrigger, { publicUrl: 'https://mail.brand.example' });
    expect(deployedFunction(own.appTemplate, builder.name).properties.Environment.Variables.PUBLIC_URL).toBe(
      'https://mail.brand.example',
    );
  });
});

describe('least privilege', () => {
  it('grants each function exactly what its access declaration implies', () => {
    expect(everyTrigger.flatMap((spec) => accessMismatches(ecrm.appTemplate, spec))).toEqual([]);
  });

  it('gives a read-only route nothing but table reads (and X-Ray)', () => {
    const actions = actionsOf('get-contact').filter((a) => !a.startsWith('xray:'));
    expect(actions.sort()).toEqual([...TABLE_READS].sort());
  });

  it('gives a function without table access no item action (the relay only reads the stream)', () => {
    const actions = actionsOf('outbox-relay');
    expect(actions.filter((a) => [...TABLE_READS, ...TABLE_WRITES].includes(a))).toEqual([]);
    expect(actions).toContain('dynamodb:GetRecords');
  });

  it('scopes table access to the table and its named indexes, never index/*', () => {
    const resources = Object.values(ecrm.appTemplate.findResources('AWS::IAM::Policy')).flatMap((p) =>
      statementsOf(p)
        .filter((s) => [s.Action].flat().some((a) => TABLE_READS.includes(a) || TABLE_WRITES.includes(a)))
        .flatMap((s) => [s.Resource].flat()),
    );
    expect(resources.length).toBeGreaterThan(0);
    expect(JSON.stringify(resources)).not.toContain('/index/*');
    expect(JSON.stringify(resources)).toContain('/index/gsi1');
  });

  it('lets bus publishers put events on the ecrm bus alone', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'events:PutEvents',
            Effect: 'Allow',
            Resource: { 'Fn::ImportValue': Match.stringLikeRegexp('Bus') },
          },
        ]),
      },
    });
  });

  it('lets senders call SES only through the configuration set, and read the account quota', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Action: 'ses:GetAccount', Effect: 'Allow', Resource: '*' }]),
      },
    });
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['ses:SendBulkEmail', 'ses:SendEmail'],
            Effect: 'Allow',
            Resource: Match.arrayWith([
              {
                'Fn::Join': [
                  '',
                  Match.arrayWith([
                    Match.stringLikeRegexp(':configuration-set/$'),
                    { 'Fn::ImportValue': Match.stringLikeRegexp('ConfigurationSet') },
                  ]),
                ],
              },
            ]),
          },
        ]),
      },
    });
  });

  it('lets schedule managers create and delete schedules in the ecrm group and pass only its role', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
            Effect: 'Allow',
            Resource: {
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':schedule/ecrm-dev/\\*$')])],
            },
          },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulesInvokeRole'), 'Arn'] },
          },
        ]),
      },
    });
  });
});
