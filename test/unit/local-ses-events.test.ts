import { describe, expect, it } from 'vitest';
import { type AcceptedMail, DETAIL_TYPES, deliveryObject, sesEvent } from '../../infra/local/ses-events.ts';
import { simulate } from '../../infra/local/ses-simulator.ts';
import { readMessageTags } from '../../lib/email/message-tags.ts';

const mail: AcceptedMail = {
  messageId: 'ses-1',
  source: '"Shop" <news@mail.shop.example>',
  sourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/shop.example',
  destination: ['ana@example.com'],
  subject: 'Hi',
  headers: [{ name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' }],
  tags: {
    'ecrm-ws': 'ws_1',
    'ecrm-contact': 'c_1',
    'ecrm-message': 'm_1',
    'ecrm-kind': 'marketing',
    'ecrm-origin': 'campaign',
  },
  configurationSet: 'ecrm-local',
  at: new Date('2026-03-01T10:00:00.000Z'),
};
const ctx = {
  region: 'us-east-1',
  account: '000000000000',
  now: new Date('2026-03-01T10:00:01.250Z'),
  newId: () => 'id-1',
};

describe('local SES events', () => {
  it('wraps an event as EventBridge delivers SES events, with tags as lists that readMessageTags reads back', () => {
    const event = sesEvent('Delivery', mail, deliveryObject(['ana@example.com'], ctx, mail), ctx);

    expect(event).toMatchObject({
      version: '0',
      id: 'id-1',
      'detail-type': 'Email Delivered',
      source: 'aws.ses',
      time: '2026-03-01T10:00:01Z',
      resources: ['arn:aws:ses:us-east-1:000000000000:configuration-set/ecrm-local'],
      detail: {
        eventType: 'Delivery',
        delivery: { processingTimeMillis: 1250, recipients: ['ana@example.com'] },
        mail: {
          timestamp: '2026-03-01T10:00:00.000Z',
          sendingAccountId: '000000000000',
          commonHeaders: { from: ['"Shop" <news@mail.shop.example>'], subject: 'Hi' },
          tags: { 'ses:from-domain': ['mail.shop.example'], 'ses:outgoing-ip': ['127.0.0.1'] },
        },
      },
    });
    const tags = (event.detail as { mail: { tags: Record<string, string[]> } }).mail.tags;
    expect(readMessageTags(tags)).toEqual({
      workspaceId: 'ws_1',
      contactId: 'c_1',
      messageId: 'm_1',
      kind: 'marketing',
      origin: 'campaign',
    });
  });

  it('names each event type with the detail-type SES uses on EventBridge', () => {
    expect(DETAIL_TYPES).toMatchObject({
      Send: 'Email Sent',
      Bounce: 'Email Bounced',
      Complaint: 'Email Complaint Received',
      Open: 'Email Opened',
      Click: 'Email Clicked',
      Reject: 'Email Rejected',
      'Rendering Failure': 'Email Rendering Failed',
      DeliveryDelay: 'Email Delivery Delayed',
    });
  });

  it('plays the mailbox simulator by address, labels and display names included', () => {
    expect(simulate('bounce@simulator.amazonses.com')).toMatchObject({
      kind: 'bounced',
      bounceSubType: 'General',
    });
    expect(simulate('Ana <Bounce+x1@Simulator.AmazonSES.com>')).toMatchObject({ kind: 'bounced' });
    expect(simulate('suppressionlist@simulator.amazonses.com')).toMatchObject({
      bounceSubType: 'Suppressed',
    });
    expect(simulate('complaint@simulator.amazonses.com')).toEqual({ kind: 'delivered', complaint: true });
    expect(simulate('ooto@simulator.amazonses.com')).toEqual({ kind: 'delivered', complaint: false });
    expect(simulate('bounce@example.com')).toEqual({ kind: 'delivered', complaint: false });
  });
});
