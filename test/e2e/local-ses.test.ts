import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { randomWorkspaceId } from '../support/workspace.ts';
import { startStack } from './harness.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('the local stack’s SES', () => {
  it('is the front the functions reach (AWS_ENDPOINT_URL_SESV2): a send with the configuration set lands in the store and its SES events on the default bus', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    const bounce = `bounce+${randomWorkspaceId()}@simulator.amazonses.com`;
    const client = new SESv2Client({});
    try {
      const send = (address: string) =>
        client.send(
          new SendEmailCommand({
            FromEmailAddress: 'news@shop.example',
            Destination: { ToAddresses: [address] },
            Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } } },
            ConfigurationSetName: process.env.SES_CONFIGURATION_SET,
            EmailTags: [{ Name: 'ecrm-message', Value: 'm_e2e' }],
          }),
        );
      const { MessageId } = await send(to);
      const bounced = await send(bounce);
      await stack.idle();

      expect(process.env.AWS_ENDPOINT_URL_SESV2).toBe(stack.sesEndpoint);
      expect((await readStoredEmails(stack.sesEndpoint, { to })).map((e) => e.messageId)).toEqual([
        MessageId,
      ]);
      const of = (id: string | undefined) =>
        stack.bus.events
          .filter((e) => e.source === 'aws.ses')
          .filter((e) => JSON.stringify(e.detail).includes(`"messageId":"${id}"`))
          .map((e) => e['detail-type']);
      expect(of(MessageId)).toEqual(['Email Sent', 'Email Delivered']);
      expect(of(bounced.MessageId)).toEqual(['Email Sent', 'Email Bounced']);
      expect(stack.ses.messagesTagged('ecrm-message', 'm_e2e')).toHaveLength(2);

      stack.ses.open(MessageId ?? '');
      await stack.idle();
      expect(of(MessageId)).toEqual(['Email Sent', 'Email Delivered', 'Email Opened']);
    } finally {
      client.destroy();
    }
  });
});
