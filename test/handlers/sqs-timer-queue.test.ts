import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsTimerQueue } from '../../functions/shared/sqs-timer-queue.ts';

const sqs = mockClient(SQSClient);
const queue = sqsTimerQueue(new SQSClient({ region: 'us-east-1' }), 'https://sqs.example/000/ecrm-timers');
const messages = [0, 1, 2].map((i) => ({
  message: { key: `W#ws#TM#t#${i}`, due: '2026-01-01T00:00:00.000Z' },
  delaySeconds: i * 10,
}));

describe('the SQS timer queue', () => {
  beforeEach(() => sqs.reset());

  it('sends each timer with its delay, and resends only the entries SQS refused', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [], Failed: [{ Id: 'm1', SenderFault: false, Code: 'InternalError' }] })
      .resolves({ Successful: [], Failed: [] });
    await queue.send(messages);
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries ?? []);
    expect(calls[0]?.map((e) => [e.Id, e.DelaySeconds])).toEqual([
      ['m0', 0],
      ['m1', 10],
      ['m2', 20],
    ]);
    expect(JSON.parse(calls[0]?.[1]?.MessageBody ?? '')).toEqual(messages[1]?.message);
    expect(calls[1]?.map((e) => e.Id)).toEqual(['m1']);
  });

  it('throws when SQS keeps refusing, so the drain is retried', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Failed: [{ Id: 'm0', SenderFault: false, Code: 'InternalError' }] });
    await expect(queue.send(messages.slice(0, 1))).rejects.toThrow(/refused 1 timer messages/);
  });
});
