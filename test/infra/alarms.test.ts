import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ERRORS_METRIC,
  MARKETING_PAUSED_METRIC,
  QUARANTINE_METRIC,
} from '../../infra/constructs/alarms.construct.ts';
import { DeadLetterQueue } from '../../infra/constructs/dead-letter-queue.construct.ts';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import { logicalIds, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger, { alarmEmail: 'ops@example.com' });
});

describe('alarms', () => {
  it('watch every function through one product-wide error metric, not an alarm each', () => {
    const filters = Object.values(ecrm.appTemplate.findResources('AWS::Logs::MetricFilter'));
    // Every function writes to one shared log group: one filter counts them all.
    expect(filters).toHaveLength(1);
    for (const filter of filters) {
      expect(filter.Properties).toMatchObject({
        FilterPattern: '{ $.level = "ERROR" }',
        MetricTransformations: [
          { MetricNamespace: ERRORS_METRIC.namespace, MetricName: ERRORS_METRIC.name, MetricValue: '1' },
        ],
      });
    }
    ecrm.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: ERRORS_METRIC.namespace,
      MetricName: ERRORS_METRIC.name,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const perFunction = Object.values(ecrm.appTemplate.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.Namespace === 'AWS/Lambda',
    );
    expect(perFunction).toEqual([]);
    // Errors, the dead-letter queues, the quarantine, the email halt and marketing paused: a handful,
    // whatever the number of functions.
    const alarms = Object.keys(ecrm.appTemplate.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBe(4 + DeadLetterQueue.allIn(ecrm.appStack).length);
  });

  it('add an alarm per function only for the functions asked for', () => {
    const [first] = everyTrigger;
    if (!first) throw new Error('the fixture catalogue is empty');
    const opted = synthesize(everyTrigger, { alarmPerFunction: first.name });
    const lambdaAlarms = Object.values(opted.appTemplate.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.Namespace === 'AWS/Lambda',
    );
    expect(lambdaAlarms).toHaveLength(1);
    expect(() => synthesize(everyTrigger, { alarmPerFunction: 'no-such-function' })).toThrow(
      'no-such-function',
    );
  });

  it('watch every dead-letter queue for a first message', () => {
    // Work queues (those with a redrive policy) are watched through their dead-letter queues.
    const work = ecrm.appTemplate.findResources('AWS::SQS::Queue', {
      Properties: { RedrivePolicy: Match.anyValue() },
    });
    const queues = logicalIds(ecrm.appTemplate, 'AWS::SQS::Queue').filter((id) => !(id in work));
    expect(queues.length).toBe(DeadLetterQueue.allIn(ecrm.appStack).length);
    for (const queue of queues) {
      ecrm.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('watch the quarantine of storefront deliveries that could not be understood', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: QUARANTINE_METRIC.namespace,
      MetricName: QUARANTINE_METRIC.name,
      Dimensions: [{ Name: 'service', Value: QUARANTINE_METRIC.service }],
      Threshold: 1,
    });
  });

  it('watch workspaces whose marketing email their bounce or complaint rates paused', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: MARKETING_PAUSED_METRIC.namespace,
      MetricName: MARKETING_PAUSED_METRIC.name,
      Dimensions: [{ Name: 'service', Value: MARKETING_PAUSED_METRIC.service }],
      Threshold: 1,
    });
  });

  it('notify one encrypted, TLS-only topic, exported as an output', () => {
    const [topic] = logicalIds(ecrm.appTemplate, 'AWS::SNS::Topic');
    const alarms = Object.values(ecrm.appTemplate.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    ecrm.appTemplate.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('TopicKey'), 'Arn'] },
    });
    ecrm.appTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    ecrm.appTemplate.hasOutput('AlarmTopicArn', { Value: { Ref: topic } });
  });

  it('let CloudWatch, and only it besides the account, use the topic key', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('subscribe the alarmEmail context value', () => {
    ecrm.appTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });

  it('keep every dead-letter queue encrypted and TLS-only', () => {
    for (const queue of logicalIds(ecrm.appTemplate, 'AWS::SQS::Queue')) {
      ecrm.appTemplate.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      ecrm.appTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});
