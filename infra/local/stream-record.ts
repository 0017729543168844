/**
 * A DynamoDB Streams record as the SDK returns it (GetRecords) → the record Lambda's event source
 * mapping hands to a function, field for field:
 * - `eventSourceARN` (absent from GetRecords) is the stream ARN; `awsRegion` is the deployment region
 *   (DynamoDB Local says `ddblocal`);
 * - `ApproximateCreationDateTime` is epoch seconds, binary values (B, BS) are base64 strings, and
 *   `userIdentity` (TTL deletions) uses Lambda's lower-case keys.
 */
import type { _Record, AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** One SDK attribute value → its Lambda event form. */
export const toLambdaAttributeValue = (v: SdkAttributeValue): AttributeValue => {
  if (v.S !== undefined) return { S: v.S };
  if (v.N !== undefined) return { N: v.N };
  if (v.B !== undefined) return { B: base64(v.B) };
  if (v.BOOL !== undefined) return { BOOL: v.BOOL };
  if (v.NULL !== undefined) return { NULL: v.NULL };
  if (v.SS !== undefined) return { SS: v.SS };
  if (v.NS !== undefined) return { NS: v.NS };
  if (v.BS !== undefined) return { BS: v.BS.map(base64) };
  if (v.L !== undefined) return { L: v.L.map(toLambdaAttributeValue) };
  if (v.M !== undefined) return { M: toLambdaImage(v.M) };
  // DynamoDB Local writes an empty map as `{}` in stream records (DynamoDB itself sends `{"M":{}}`).
  if (Object.keys(v).length === 0) return { M: {} };
  throw new Error(`unknown DynamoDB attribute type: ${Object.keys(v).join(',')}`);
};

const toLambdaImage = (image: Record<string, SdkAttributeValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, toLambdaAttributeValue(v)]));

/** Converts one GetRecords record into the Lambda event record. */
export const toLambdaRecord = (
  record: _Record,
  context: { readonly streamArn: string; readonly region: string },
): DynamoDBRecord => {
  const d = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.region,
    dynamodb: {
      ...(d?.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      ...(d?.Keys ? { Keys: toLambdaImage(d.Keys) } : {}),
      ...(d?.NewImage ? { NewImage: toLambdaImage(d.NewImage) } : {}),
      ...(d?.OldImage ? { OldImage: toLambdaImage(d.OldImage) } : {}),
      SequenceNumber: d?.SequenceNumber,
      SizeBytes: d?.SizeBytes,
      StreamViewType: d?.StreamViewType,
    },
    eventSourceARN: context.streamArn,
    ...(record.userIdentity
      ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } }
      : {}),
  };
};
