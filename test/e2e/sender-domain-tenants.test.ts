import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { senders } from '../../functions/shared/sender-deps.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { client, field, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;

beforeAll(async () => {
  // A deployment configured with tenants: each workspace sends as its own SES tenant.
  stack = await startLocalStack({
    dynamodb: { endpoint: inject('dynamodbEndpoint') },
    tableName: `e2e-${randomToken(6)}`,
    sesEndpoint: inject('sesEndpoint'),
    seedDemo: false,
    quiet: true,
    sesTenants: true,
  });
});

afterAll(() => stack?.stop());

describe('sender domains with SES tenants', () => {
  it('puts each workspace’s identity and the configuration set in its own tenant, and sends as that tenant', async () => {
    const ws = await workspaceWithKeys(stack);
    const domain = `t-${randomToken(8).toLowerCase()}.example`;
    const added = await client(stack, ws.admin).post('/v1/sender-domains', { domain });
    const tenantName = `local-${ws.id}`;
    expect(field(added.body, 'tenantName')).toBe(tenantName);

    const tenant = stack.ses.state.tenants.get(tenantName);
    expect([...(tenant?.resources.keys() ?? [])].sort()).toEqual([
      'arn:aws:ses:us-east-1:000000000000:configuration-set/ecrm-local',
      `arn:aws:ses:us-east-1:000000000000:identity/${domain}`,
    ]);

    const sender = await senders().senderFor(ws.id, 'marketing');
    expect(sender).toMatchObject({ ok: true, tenantName });
    if (!sender.ok) return;
    const ses = new SESv2Client({});
    try {
      const to = `${randomToken(6)}@example.com`;
      const { MessageId } = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: sender.from,
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } } },
          ConfigurationSetName: process.env.SES_CONFIGURATION_SET,
          TenantName: sender.tenantName,
        }),
      );
      expect(stack.ses.messages.find((m) => m.messageId === MessageId)?.tenant).toBe(tenantName);
    } finally {
      ses.destroy();
    }

    // Another workspace gets a tenant of its own.
    const other = await workspaceWithKeys(stack);
    await client(stack, other.admin).post('/v1/sender-domains', { domain: `o-${domain}` });
    expect(stack.ses.state.tenants.has(`local-${other.id}`)).toBe(true);
  });
});
