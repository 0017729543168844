import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { toLambdaAttributeValue, toLambdaRecord } from '../../infra/local/stream-record.ts';

const context = { streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x', region: 'us-east-1' };

describe('stream record → Lambda record', () => {
  it('adds eventSourceARN and the region, and writes the creation time in epoch seconds', () => {
    const record: _Record = {
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-01-01T00:01:00Z'),
        Keys: { pk: { S: 'a' } },
        NewImage: { pk: { S: 'a' }, n: { N: '2' } },
        OldImage: { pk: { S: 'a' }, n: { N: '1' } },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 12,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    expect(toLambdaRecord(record, context)).toEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: context.streamArn,
      dynamodb: {
        ApproximateCreationDateTime: 1767225660,
        Keys: { pk: { S: 'a' } },
        NewImage: { pk: { S: 'a' }, n: { N: '2' } },
        OldImage: { pk: { S: 'a' }, n: { N: '1' } },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 12,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
  });

  it('keeps a TTL deletion identity in Lambda key case', () => {
    const record: _Record = {
      eventName: 'REMOVE',
      userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
      dynamodb: { Keys: { pk: { S: 'a' } } },
    };
    expect(toLambdaRecord(record, context).userIdentity).toEqual({
      type: 'Service',
      principalId: 'dynamodb.amazonaws.com',
    });
  });

  it('writes binary values as base64 and converts nested maps and lists', () => {
    expect(toLambdaAttributeValue({ B: new Uint8Array([0, 255]) })).toEqual({ B: 'AP8=' });
    expect(toLambdaAttributeValue({ BS: [new Uint8Array([1])] })).toEqual({ BS: ['AQ=='] });
    expect(
      toLambdaAttributeValue({
        M: { l: { L: [{ BOOL: true }, { NULL: true }, { SS: ['x'] }, { NS: ['1'] }] } },
      }),
    ).toEqual({ M: { l: { L: [{ BOOL: true }, { NULL: true }, { SS: ['x'] }, { NS: ['1'] }] } } });
  });

  it('reads the empty map DynamoDB Local writes as {} (wire: "m":{}) as an empty M', () => {
    // DynamoDB Local 3.3.0 sends `"m":{}` for an empty map where DynamoDB sends `"m":{"M":{}}`.
    const empty = JSON.parse('{}');
    expect(toLambdaAttributeValue(empty)).toEqual({ M: {} });
  });
});
