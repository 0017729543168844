/**
 * A contact's email engagement as segments read it, from its timeline's email entries: only mail the
 * contact itself received counts. A test send (to a tester) and an MQL alert (to sales) sit on the
 * contact's timeline because they carry its data, but their opens, clicks and bounces are someone else's.
 */
import { describe, expect, it } from 'vitest';
import { engagementOf } from '../../lib/email/history/engagement.ts';
import type { EmailMessage } from '../../lib/email/message.schema.ts';
import type { TimelineEntry } from '../../lib/events/timeline.schema.ts';

const AT = '2026-05-01T10:00:00.000Z';

const entry = (email: Partial<EmailMessage> & Pick<EmailMessage, 'origin'>): TimelineEntry => ({
  type: 'timelineEntry',
  v: 1,
  eventId: 'm_01jabcdefghjkmnpqrstvwxyz0',
  name: 'email',
  kind: 'email',
  occurredAt: AT,
  properties: {},
  ttl: 0,
  email: {
    messageId: 'm_01jabcdefghjkmnpqrstvwxyz0',
    kind: 'marketing',
    templateId: 'newsletter',
    version: 1,
    status: 'clicked',
    seen: [],
    at: { delivered: AT, opened: AT, clicked: AT },
    ...email,
  },
});

describe('email engagement', () => {
  it("counts the contact's own mail, with its campaign", () => {
    expect(engagementOf([entry({ origin: 'campaign', originId: 'cmp_1' })])).toEqual([
      { kind: 'delivered', at: AT, campaignId: 'cmp_1' },
      { kind: 'opened', at: AT, campaignId: 'cmp_1' },
      { kind: 'clicked', at: AT, campaignId: 'cmp_1' },
    ]);
    expect(engagementOf([entry({ origin: 'journey', originId: 'j_1-s1' })])).toHaveLength(3);
  });

  it('never counts what a tester or the sales team did with mail that only carried the contact data', () => {
    expect(
      engagementOf([
        entry({ origin: 'test', originId: 'newsletter' }),
        entry({ origin: 'alert', kind: 'transactional', templateId: 'mql-alert', at: { bounced: AT } }),
      ]),
    ).toEqual([]);
  });
});
