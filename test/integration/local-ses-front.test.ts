import {
  AccountSuspendedException,
  AlreadyExistsException,
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  GetTenantCommand,
  ListEmailIdentitiesCommand,
  MessageRejected,
  NotFoundException,
  PutEmailIdentityMailFromAttributesCommand,
  SESv2Client,
  SendBulkEmailCommand,
  SendEmailCommand,
  type SendEmailCommandInput,
  SendingPausedException,
} from '@aws-sdk/client-sesv2';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../infra/local/put-events.ts';
import { type SesFront, startSesFront } from '../../infra/local/ses-front.ts';
import { readStoredEmails } from '../../infra/local/ses-local.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let services: LocalServices;
let front: SesFront;
let client: SESv2Client;
let events: BusEvent[];
let domain: string;

beforeAll(() => {
  services = useLocalServices();
});

beforeEach(async () => {
  events = [];
  front = await startSesFront({
    backend: services.sesEndpoint,
    configurationSets: ['ecrm-test'],
    publish: (e) => events.push(e),
  });
  client = new SESv2Client({
    endpoint: front.endpoint,
    region: 'us-east-1',
    credentials: services.credentials,
    maxAttempts: 1,
  });
  domain = `${randomWorkspaceId().toLowerCase().replaceAll('_', '-')}.example`;
});

afterEach(async () => {
  client.destroy();
  await front.stop();
});

const simple = (to: string[], extra: Partial<SendEmailCommandInput> = {}): SendEmailCommand =>
  new SendEmailCommand({
    FromEmailAddress: `"Shop" <news@${domain}>`,
    Destination: { ToAddresses: to },
    Content: {
      Simple: {
        Subject: { Data: 'Hello' },
        Body: { Html: { Data: '<p>Hi</p>' }, Text: { Data: 'Hi' } },
        Headers: [{ Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' }],
      },
    },
    ConfigurationSetName: 'ecrm-test',
    EmailTags: [
      { Name: 'ecrm-ws', Value: 'ws_1' },
      { Name: 'ecrm-message', Value: 'm_1' },
    ],
    ...extra,
  });

const types = () => events.map((e) => `${e['detail-type']}`);

describe('local SES front: identities', () => {
  it('creates a domain identity verified at once with three DKIM tokens, a MAIL FROM domain, lists and deletes it', async () => {
    const created = await client.send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    expect(created).toMatchObject({
      IdentityType: 'DOMAIN',
      VerifiedForSendingStatus: true,
      DkimAttributes: { SigningEnabled: true, Status: 'SUCCESS' },
    });
    expect(created.DkimAttributes?.Tokens).toHaveLength(3);
    await expect(
      client.send(new CreateEmailIdentityCommand({ EmailIdentity: domain })),
    ).rejects.toBeInstanceOf(AlreadyExistsException);

    await client.send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: domain,
        MailFromDomain: `mail.${domain}`,
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      }),
    );
    const got = await client.send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(got).toMatchObject({
      VerificationStatus: 'SUCCESS',
      VerifiedForSendingStatus: true,
      MailFromAttributes: { MailFromDomain: `mail.${domain}`, MailFromDomainStatus: 'SUCCESS' },
    });
    expect(got.DkimAttributes?.Tokens).toEqual(created.DkimAttributes?.Tokens);
    const listed = await client.send(new ListEmailIdentitiesCommand({}));
    expect(listed.EmailIdentities?.map((i) => i.IdentityName)).toContain(domain);

    await client.send(new DeleteEmailIdentityCommand({ EmailIdentity: domain }));
    await expect(client.send(new GetEmailIdentityCommand({ EmailIdentity: domain }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('refuses a MAIL FROM domain outside the identity, and a pending identity stays unverified', async () => {
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    await expect(
      client.send(
        new PutEmailIdentityMailFromAttributesCommand({
          EmailIdentity: domain,
          MailFromDomain: 'mail.other.example',
        }),
      ),
    ).rejects.toThrow(/subdomain/);
    front.setIdentityStatus(domain, 'PENDING');
    const got = await client.send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    expect(got).toMatchObject({ VerifiedForSendingStatus: false, DkimAttributes: { Status: 'PENDING' } });
  });

  it('with verifiedIdentitiesOnly, rejects a From without a verified identity and accepts a subdomain of a verified one', async () => {
    const strict = await startSesFront({
      backend: services.sesEndpoint,
      configurationSets: ['ecrm-test'],
      verifiedIdentitiesOnly: true,
    });
    const strictClient = new SESv2Client({
      endpoint: strict.endpoint,
      region: 'us-east-1',
      credentials: services.credentials,
      maxAttempts: 1,
    });
    try {
      const to = `${randomWorkspaceId()}@example.com`;
      await expect(strictClient.send(simple([to]))).rejects.toBeInstanceOf(MessageRejected);
      await strictClient.send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
      await strictClient.send(simple([to], { FromEmailAddress: `news@mail.${domain}` }));
      expect(strict.messages[0]?.identityArn).toBe(`arn:aws:ses:us-east-1:000000000000:identity/${domain}`);
      strict.setIdentityStatus(domain, 'FAILED');
      await expect(strictClient.send(simple([to]))).rejects.toBeInstanceOf(MessageRejected);
    } finally {
      strictClient.destroy();
      await strict.stop();
    }
  });
});

describe('local SES front: sending and events', () => {
  it('forwards a send to the store, records its tags and configuration set, and publishes Send then Delivery in the EventBridge shape', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    const { MessageId } = await client.send(simple([to]));
    await front.idle();

    const stored = await readStoredEmails(front.endpoint, { to });
    expect(stored.map((e) => e.messageId)).toEqual([MessageId]);
    expect(front.messages).toEqual([
      expect.objectContaining({
        messageId: MessageId,
        operation: 'SendEmail',
        destination: [to],
        subject: 'Hello',
        tags: { 'ecrm-ws': 'ws_1', 'ecrm-message': 'm_1' },
        configurationSet: 'ecrm-test',
        events: ['Send', 'Delivery'],
      }),
    ]);
    expect(types()).toEqual(['Email Sent', 'Email Delivered']);
    const [sent, delivered] = events;
    expect(sent).toMatchObject({
      version: '0',
      source: 'aws.ses',
      account: '000000000000',
      region: 'us-east-1',
      resources: ['arn:aws:ses:us-east-1:000000000000:configuration-set/ecrm-test'],
      detail: {
        eventType: 'Send',
        send: {},
        mail: {
          messageId: MessageId,
          source: `"Shop" <news@${domain}>`,
          destination: [to],
          commonHeaders: { subject: 'Hello', to: [to] },
          tags: {
            'ecrm-ws': ['ws_1'],
            'ecrm-message': ['m_1'],
            'ses:configuration-set': ['ecrm-test'],
            'ses:from-domain': [domain],
          },
        },
      },
    });
    expect(sent?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(delivered?.detail).toMatchObject({
      eventType: 'Delivery',
      delivery: { recipients: [to], smtpResponse: expect.stringMatching(/^250/) },
    });
  });

  it('plays the mailbox simulator: bounce, complaint, suppression list and out-of-office', async () => {
    const sim = (box: string) => `${box}+${randomWorkspaceId()}@simulator.amazonses.com`;
    const bounce = sim('bounce');
    const complaint = sim('complaint');
    const suppressed = sim('suppressionlist');
    const ooto = sim('ooto');

    await client.send(simple([bounce]));
    await front.idle();
    expect(types()).toEqual(['Email Sent', 'Email Bounced']);
    expect(events[1]?.detail).toMatchObject({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: bounce, action: 'failed', status: '5.1.1' }],
      },
    });

    events.length = 0;
    await client.send(simple([complaint]));
    await front.idle();
    expect(types()).toEqual(['Email Sent', 'Email Delivered', 'Email Complaint Received']);
    expect(events[2]?.detail).toMatchObject({
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: complaint }], complaintFeedbackType: 'abuse' },
    });

    events.length = 0;
    await client.send(simple([suppressed]));
    await front.idle();
    expect(events[1]?.detail).toMatchObject({
      bounce: { bounceType: 'Permanent', bounceSubType: 'Suppressed' },
    });

    events.length = 0;
    await client.send(simple([ooto]));
    await front.idle();
    expect(types()).toEqual(['Email Sent', 'Email Delivered']);
  });

  it('publishes nothing for a send without a configuration set, and refuses an unknown one', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    await client.send(simple([to], { ConfigurationSetName: undefined }));
    await front.idle();
    expect(events).toEqual([]);
    expect(front.messages).toHaveLength(1);
    await expect(client.send(simple([to], { ConfigurationSetName: 'nope' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('refuses a message tag SES would refuse', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    await expect(
      client.send(simple([to], { EmailTags: [{ Name: 'ecrm-ws', Value: 'a b' }] })),
    ).rejects.toThrow(/A-Z a-z 0-9/);
  });

  it('records SendBulkEmail per entry with default and replacement tags merged, and fails entries past the rate alone', async () => {
    const to = [0, 1, 2].map((i) => `${randomWorkspaceId()}-${i}@example.com`);
    front.setAccount({ maxSendRate: 2 });
    const { BulkEmailEntryResults } = await client.send(
      new SendBulkEmailCommand({
        FromEmailAddress: `news@${domain}`,
        ConfigurationSetName: 'ecrm-test',
        DefaultEmailTags: [
          { Name: 'ecrm-ws', Value: 'ws_1' },
          { Name: 'ecrm-kind', Value: 'marketing' },
        ],
        DefaultContent: {
          Template: {
            TemplateContent: { Subject: '{{{subject}}}', Html: '{{{html}}}', Text: '{{{text}}}' },
            TemplateData: '{}',
          },
        },
        BulkEmailEntries: to.map((address, i) => ({
          Destination: { ToAddresses: [address] },
          ReplacementTags: [{ Name: 'ecrm-message', Value: `m_${i}` }],
          ReplacementEmailContent: {
            ReplacementTemplate: {
              ReplacementTemplateData: JSON.stringify({
                subject: `S${i}`,
                html: `<p>${i}</p>`,
                text: `${i}`,
              }),
            },
          },
        })),
      }),
    );
    await front.idle();

    expect(BulkEmailEntryResults?.map((r) => r.Status)).toEqual(['SUCCESS', 'SUCCESS', 'ACCOUNT_THROTTLED']);
    expect(front.messages.map((m) => [m.destination, m.tags, m.subject])).toEqual([
      [[to[0]], { 'ecrm-ws': 'ws_1', 'ecrm-kind': 'marketing', 'ecrm-message': 'm_0' }, 'S0'],
      [[to[1]], { 'ecrm-ws': 'ws_1', 'ecrm-kind': 'marketing', 'ecrm-message': 'm_1' }, 'S1'],
    ]);
    expect(await readStoredEmails(front.endpoint, { to: to[2] })).toEqual([]);
    expect(front.messagesTagged('ecrm-message', 'm_1')[0]?.events).toEqual(['Send', 'Delivery']);
  });
});

describe('local SES front: account, tenants and hooks', () => {
  it('reports the configured account, counts what was sent, and plays a pause, a suspension and the daily quota', async () => {
    front.setAccount({ max24HourSend: 2, maxSendRate: 5 });
    const to = `${randomWorkspaceId()}@example.com`;
    await client.send(simple([to]));
    const account = await client.send(new GetAccountCommand({}));
    expect(account).toMatchObject({
      SendingEnabled: true,
      SendQuota: { Max24HourSend: 2, MaxSendRate: 5, SentLast24Hours: 1 },
    });

    await client.send(simple([to]));
    await expect(client.send(simple([to]))).rejects.toThrow(/Daily message quota exceeded/);

    front.setAccount({ max24HourSend: 100, sendingEnabled: false });
    await expect(client.send(simple([to]))).rejects.toBeInstanceOf(SendingPausedException);
    expect((await client.send(new GetAccountCommand({}))).SendingEnabled).toBe(false);
    front.setAccount({ sendingEnabled: true, suspended: true });
    await expect(client.send(simple([to]))).rejects.toBeInstanceOf(AccountSuspendedException);
  });

  it('creates a tenant, associates the identity and configuration set, and records the tenant of a send; an unassociated identity is refused', async () => {
    const tenant = `t-${randomWorkspaceId()}`;
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
    const created = await client.send(new CreateTenantCommand({ TenantName: tenant }));
    expect(created).toMatchObject({ TenantName: tenant, SendingStatus: 'ENABLED' });
    const to = `${randomWorkspaceId()}@example.com`;
    await expect(client.send(simple([to], { TenantName: tenant }))).rejects.toBeInstanceOf(NotFoundException);

    for (const ResourceArn of [
      `arn:aws:ses:us-east-1:000000000000:identity/${domain}`,
      'arn:aws:ses:us-east-1:000000000000:configuration-set/ecrm-test',
    ]) {
      await client.send(new CreateTenantResourceAssociationCommand({ TenantName: tenant, ResourceArn }));
    }
    await client.send(simple([to], { TenantName: tenant }));
    expect(front.messages.at(-1)?.tenant).toBe(tenant);
    const got = await client.send(new GetTenantCommand({ TenantName: tenant }));
    expect(got.Tenant?.TenantArn).toMatch(new RegExp(`:tenant/${tenant}/`));
    await expect(client.send(new GetTenantCommand({ TenantName: 'nope' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('injects an open and a click for a sent message, carrying its tags', async () => {
    const to = `${randomWorkspaceId()}@example.com`;
    const { MessageId = '' } = await client.send(simple([to]));
    await front.idle();
    events.length = 0;

    front.open(MessageId);
    front.click(MessageId, 'https://shop.example/p/1');
    const overHttp = await fetch(`${front.endpoint}/_local/messages/${MessageId}/click`, {
      method: 'POST',
      body: JSON.stringify({ link: 'https://shop.example/p/2' }),
    });
    expect(overHttp.status).toBe(200);

    expect(types()).toEqual(['Email Opened', 'Email Clicked', 'Email Clicked']);
    expect(events[0]?.detail).toMatchObject({
      eventType: 'Open',
      open: { ipAddress: expect.any(String), userAgent: expect.any(String) },
      mail: { messageId: MessageId, tags: { 'ecrm-message': ['m_1'] } },
    });
    expect(events[2]?.detail).toMatchObject({
      eventType: 'Click',
      click: { link: 'https://shop.example/p/2' },
    });
    expect(front.messages[0]?.events).toEqual(['Send', 'Delivery', 'Open', 'Click', 'Click']);
    expect(() => front.open('nope')).toThrow(/No message/);
  });

  it('injects a transient bounce (the default for a Bounce) with the fields a test gives', () => {
    return (async () => {
      const to = `${randomWorkspaceId()}@example.com`;
      const { MessageId = '' } = await client.send(simple([to]));
      await front.idle();
      const event = front.inject(MessageId, 'Bounce', { bounceSubType: 'MailboxFull' });
      expect(event.detail).toMatchObject({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Transient',
          bounceSubType: 'MailboxFull',
          bouncedRecipients: [{ emailAddress: to }],
        },
      });
    })();
  });
});
