import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueUrlVariable } from '../../infra/catalogue/types.ts';
import { toRulePattern } from '../../infra/constructs/event-pattern.ts';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import { logicalIds, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger);
});

const handlerOf = (name: string): string => {
  const ids = Object.keys(
    ecrm.appTemplate.findResources('AWS::Lambda::Function', {
      Properties: { FunctionName: `ecrm-dev-${name}` },
    }),
  );
  if (ids.length !== 1 || !ids[0]) throw new Error(`expected exactly one function ecrm-dev-${name}`);
  return ids[0];
};

const routes = everyTrigger.flatMap((f) =>
  f.trigger.kind === 'http' ? [{ name: f.name, ...f.trigger.route }] : [],
);

describe('HTTP API', () => {
  it('has exactly the catalogue routes, each integrated with its own function (payload v2)', () => {
    const routeKeys = Object.values(ecrm.appTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      ecrm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [handlerOf(route.name), 'Arn'] },
      });
    }
  });

  it('has no API Gateway authorizer: every route reaches its function, which checks the API key', () => {
    ecrm.appTemplate.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    for (const route of routes) {
      ecrm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
    }
  });

  it('answers CORS preflight for the methods of browser-callable routes only', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      Name: 'ecrm-dev',
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowHeaders: ['authorization', 'content-type'],
        AllowMethods: ['POST'],
        ExposeHeaders: ['retry-after'],
      },
    });
  });

  it('serves a throttled $default stage that writes JSON access logs', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    ecrm.appTemplate.hasOutput('ApiUrl', {});
  });
});

describe('event rules', () => {
  const consumers = everyTrigger.filter((f) => f.trigger.kind === 'event');

  it('give each event function a rule on the ecrm bus with the catalogue pattern and its own DLQ', () => {
    expect(consumers.length).toBeGreaterThan(0);
    const fedQueues = everyTrigger.filter(
      (f) => f.trigger.kind === 'queue' && f.trigger.defaultBusRule,
    ).length;
    ecrm.appTemplate.resourceCountIs('AWS::Events::Rule', consumers.length + fedQueues);
    for (const consumer of consumers) {
      if (consumer.trigger.kind !== 'event') continue;
      ecrm.appTemplate.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { 'Fn::ImportValue': Match.stringLikeRegexp('Bus') },
        EventPattern: consumer.trigger.pattern,
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [handlerOf(consumer.name), 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`dlq`), 'Arn'] } },
            RetryPolicy: {
              MaximumRetryAttempts: Match.anyValue(),
              MaximumEventAgeInSeconds: Match.anyValue(),
            },
          }),
        ],
      });
    }
  });

  it('send handler failures of asynchronously invoked functions to a dead-letter queue', () => {
    const asynchronous = everyTrigger.filter((f) =>
      ['event', 'schedule', 'scheduled-target'].includes(f.trigger.kind),
    );
    for (const f of asynchronous) {
      ecrm.appTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: handlerOf(f.name) },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('dlq'), 'Arn'] } },
        },
      });
    }
    ecrm.appTemplate.resourceCountIs('AWS::Lambda::EventInvokeConfig', asynchronous.length);
  });

  it('refuse a catalogue pattern with a field EventBridge does not have', () => {
    expect(toRulePattern({ source: ['ecrm'], 'detail-type': ['x'] })).toEqual({
      source: ['ecrm'],
      detailType: ['x'],
    });
    expect(() => toRulePattern({ sources: ['ecrm'] })).toThrow(/sources/);
    expect(() => toRulePattern({ source: 'ecrm' })).toThrow(/array/);
  });

  it('pass $or and replay-name through as EventBridge has them, and check their fields too', () => {
    const or = [{ detail: { fanout: { hooks: [true] } } }, { 'replay-name': [{ exists: true }] }];
    expect(toRulePattern({ source: ['ecrm'], $or: or })).toEqual({ source: ['ecrm'], $or: or });
    expect(() => toRulePattern({ source: ['ecrm'], $or: [{ detail: {} }] })).toThrow(/at least two/);
    expect(() => toRulePattern({ $or: [{ 'replay-nam': [{ exists: true }] }, { detail: {} }] })).toThrow(
      /replay-nam /,
    );
  });
});

describe('outbox relay', () => {
  it('reads the table stream from the trim horizon, bisecting bad batches and reporting item failures', () => {
    const queueTriggered = everyTrigger.filter((f) => f.trigger.kind === 'queue').length;
    ecrm.appTemplate.resourceCountIs('AWS::Lambda::EventSourceMapping', 1 + queueTriggered);
    ecrm.appTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: handlerOf('outbox-relay') },
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('relaydlq'), 'Arn'] } },
      },
    });
  });

  it('is invoked only for writes that carry an outbox record, and removals that kept one', () => {
    const [mapping] = Object.values(ecrm.appTemplate.findResources('AWS::Lambda::EventSourceMapping'));
    const filters: { Pattern: string }[] = mapping?.Properties.FilterCriteria.Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { _ev: { M: { id: { S: [{ exists: true }] } } } } },
      },
      {
        eventName: ['REMOVE'],
        dynamodb: { OldImage: { _evGone: { M: { id: { S: [{ exists: true }] } } } } },
      },
    ]);
  });
});

describe('schedules', () => {
  it('run each recurring function on its expression, through a role, with a DLQ', () => {
    const recurring = everyTrigger.filter((f) => f.trigger.kind === 'schedule');
    ecrm.appTemplate.resourceCountIs('AWS::Scheduler::Schedule', recurring.length);
    for (const f of recurring) {
      if (f.trigger.kind !== 'schedule') continue;
      ecrm.appTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: f.trigger.expression,
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [handlerOf(f.name), 'Arn'] },
          RoleArn: Match.anyValue(),
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      });
    }
  });

  it('give one-time schedules their own group and a role only Scheduler, from that group, can assume', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'ecrm-dev' });
    const [group] = logicalIds(ecrm.appTemplate, 'AWS::Scheduler::ScheduleGroup');
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': { 'Fn::GetAtt': [group, 'Arn'] },
              },
            },
          }),
        ],
      },
    });
  });

  it('point schedule managers at the scheduled target by an ARN built from its name', () => {
    const managers = everyTrigger.filter((f) => f.access.scheduler === 'manage');
    for (const f of managers) {
      ecrm.appTemplate.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `ecrm-dev-${f.name}`,
        Environment: {
          Variables: Match.objectLike({
            SCHEDULER_GROUP: 'ecrm-dev',
            SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulesInvokeRole'), 'Arn'] },
            SCHEDULED_TARGET_ARN: { 'Fn::Join': ['', Match.arrayWith([':function:ecrm-dev-run-step'])] },
          }),
        },
      });
    }
  });
});

describe('queues', () => {
  const consumers = everyTrigger.flatMap((f) =>
    f.trigger.kind === 'queue' ? [{ f, trigger: f.trigger }] : [],
  );

  it('give each queue-triggered function an encrypted, TLS-only queue with a DLQ after maxReceiveCount', () => {
    expect(consumers.length).toBeGreaterThan(0);
    for (const { f, trigger } of consumers) {
      ecrm.appTemplate.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: 6 * (f.timeoutSeconds ?? 10),
        RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: trigger.maxReceiveCount },
      });
    }
  });

  it('feed the function through an event source mapping that reports failed messages one by one', () => {
    for (const { f, trigger } of consumers) {
      ecrm.appTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: handlerOf(f.name) },
        BatchSize: trigger.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        EventSourceArn: Match.anyValue(),
      });
    }
  });

  it('fill a queue declared with defaultBusRule from a rule on the default bus, with its own DLQ', () => {
    const fed = consumers.filter(({ trigger }) => trigger.defaultBusRule !== undefined);
    expect(fed.length).toBeGreaterThan(0);
    for (const { f, trigger } of fed) {
      const [queue] = logicalIds(ecrm.appTemplate, 'AWS::SQS::Queue').filter((id) =>
        new RegExp(`^Queues${f.name.replaceAll('-', '')}[0-9A-F]+$`).test(id),
      );
      expect(queue, f.name).toBeDefined();
      ecrm.appTemplate.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: 'default',
        EventPattern: trigger.defaultBusRule,
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [queue, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ruledlq'), 'Arn'] } },
          }),
        ],
      });
      // Only EventBridge, for this rule, may send to the queue.
      ecrm.appTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['sqs:SendMessage']),
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': Match.anyValue() } },
            }),
          ]),
        },
      });
    }
  });

  it('let only the functions that declare sendTo send to it, by a URL in their environment', () => {
    const senders = everyTrigger.filter((f) => f.access.sendTo !== undefined);
    expect(senders.length).toBeGreaterThan(0);
    for (const f of senders) {
      ecrm.appTemplate.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `ecrm-dev-${f.name}`,
        Environment: {
          Variables: Match.objectLike(
            Object.fromEntries(
              [f.access.sendTo ?? []].flat().map((to) => [queueUrlVariable(to), { Ref: Match.anyValue() }]),
            ),
          ),
        },
      });
    }
    const [queue] = logicalIds(ecrm.appTemplate, 'AWS::SQS::Queue').filter((id) =>
      /^Queuesfirestep[0-9A-F]+$/.test(id),
    );
    expect(queue).toBeDefined();
    ecrm.appTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queue, 'Arn'] } }),
        ]),
      },
    });
  });
});
