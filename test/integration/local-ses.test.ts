import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStoredEmails, startSesLocal } from '../../infra/local/ses-local.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let services: LocalServices;

beforeAll(() => {
  services = useLocalServices();
});

const send = (client: SESv2Client, to: string, subject: string) =>
  client.send(
    new SendEmailCommand({
      FromEmailAddress: 'Shop <news@shop.example>',
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: subject },
          Body: { Html: { Data: '<p>Hello</p>' }, Text: { Data: 'Hello' } },
          Headers: [
            { Name: 'List-Unsubscribe', Value: '<https://shop.example/u/token>' },
            { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
          ],
        },
      },
    }),
  );

describe('local SES v2', () => {
  it('stores what the real SESv2 client sends (endpoint from AWS_ENDPOINT_URL_SESV2) and reads it back', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    const client = new SESv2Client({});
    try {
      const { MessageId } = await send(client, to, 'Welcome');

      const emails = await readStoredEmails(services.sesEndpoint, { to });

      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({
        messageId: MessageId,
        from: 'Shop <news@shop.example>',
        destination: { to: [to], cc: [], bcc: [] },
        subject: 'Welcome',
        body: { html: '<p>Hello</p>', text: 'Hello' },
        headers: [
          { name: 'List-Unsubscribe', value: '<https://shop.example/u/token>' },
          { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
        ],
      });
    } finally {
      client.destroy();
    }
  });

  it('filters the store by recipient and by time', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    const other = `${randomWorkspaceId()}@example.com`;
    const client = new SESv2Client({});
    try {
      await send(client, to, 'one');
      await send(client, other, 'not mine');

      expect(
        (await readStoredEmails(services.sesEndpoint, { to: to.toUpperCase() })).map((e) => e.subject),
      ).toEqual(['one']);
      const future = new Date(Date.now() + 60_000);
      expect(await readStoredEmails(services.sesEndpoint, { to, since: future })).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('starts on a free port with a web view, and stop() closes it', async () => {
    const ses = await startSesLocal();
    const page = await fetch(ses.webViewUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    await page.arrayBuffer();

    await ses.stop();

    await expect(fetch(`${ses.endpoint}/health-check`)).rejects.toThrow();
  });
});
