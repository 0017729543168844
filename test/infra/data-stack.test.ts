import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../infra/table.definition.ts';
import { everyTrigger } from './fixtures/every-trigger.catalogue.ts';
import { nagFindings, type Synthesized, synthesize } from './synth.ts';

let ecrm: Synthesized;
beforeAll(() => {
  ecrm = synthesize(everyTrigger);
});

describe('data stack', () => {
  it('keeps one on-demand table with the shared key schema, gsi1, TTL and a NEW_AND_OLD_IMAGES stream', () => {
    ecrm.dataTemplate.resourceCountIs('AWS::DynamoDB::Table', 1);
    ecrm.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('matches the table definition the local stack creates', () => {
    const table = Object.values(ecrm.dataTemplate.findResources('AWS::DynamoDB::Table'))[0];
    expect(table?.Properties.TimeToLiveSpecification.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
    expect(table?.Properties.StreamSpecification.StreamViewType).toBe(tableDefinition.streamView);
  });

  it('protects the table: point-in-time recovery, encryption, deletion protection, retained on delete', () => {
    ecrm.dataTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('has the ecrm bus with a 30-day archive of every ecrm event, both retained', () => {
    ecrm.dataTemplate.resourceCountIs('AWS::Events::EventBus', 1);
    ecrm.dataTemplate.hasResource('AWS::Events::EventBus', { DeletionPolicy: 'Retain' });
    ecrm.dataTemplate.hasResource('AWS::Events::Archive', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        EventPattern: { source: ['ecrm'] },
        RetentionDays: 30,
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
      }),
    });
  });

  it('has a configuration set with reputation metrics and bounce/complaint suppression', () => {
    ecrm.dataTemplate.hasResource('AWS::SES::ConfigurationSet', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        ReputationOptions: { ReputationMetricsEnabled: true },
        SuppressionOptions: { SuppressedReasons: Match.arrayEquals(['BOUNCE', 'COMPLAINT']) },
      }),
    });
  });

  it('publishes bounces, complaints, deliveries and engagement to the default bus', () => {
    ecrm.dataTemplate.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'delivery', 'open', 'click']),
        EventBridgeDestination: {
          EventBusArn: {
            'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':event-bus/default$')])],
          },
        },
      }),
    });
  });

  it('outputs the table, bus and configuration set names', () => {
    for (const name of ['TableName', 'BusName', 'ConfigurationSetName'])
      ecrm.dataTemplate.hasOutput(name, {});
  });

  it('passes cdk-nag AwsSolutions with nothing left unacknowledged', () => {
    expect(nagFindings(ecrm.data)).toEqual([]);
  });
});
