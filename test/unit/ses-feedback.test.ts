import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../infra/local/event-pattern.ts';
import { clickSeenKey, linkHash, readFeedback, statusesBefore } from '../../lib/email/feedback/feedback.ts';
import { tally } from '../../lib/email/feedback/feedback-batch.ts';
import { SES_DETAIL_TYPES, sesEventSchema } from '../../lib/email/feedback/ses-event.schema.ts';
import { FEEDBACK_RULE_PATTERN } from '../../lib/email/feedback/ses-event-pattern.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { rawSesFixture, SES_FIXTURES, taggedSesEvent, taggedSesJson } from '../support/ses-events.ts';

const tags = (over: Partial<MessageTags> = {}): MessageTags => ({
  workspaceId: 'ws_a',
  contactId: 'c_1',
  messageId: newMessageId(new Date('2026-11-01T10:00:00Z')),
  kind: 'marketing',
  origin: 'campaign',
  originId: 'cmp_1',
  ...over,
});

describe('SES event fixtures', () => {
  it.each(SES_FIXTURES)('%s parses as an SES event in the EventBridge shape', (name) => {
    const event = sesEventSchema.parse(rawSesFixture(name));
    expect(event.source).toBe('aws.ses');
    expect(event['detail-type']).toBe(SES_DETAIL_TYPES[event.detail.eventType]);
  });

  it('covers every event type the issue names', () => {
    const types = SES_FIXTURES.map((n) => sesEventSchema.parse(rawSesFixture(n)).detail.eventType);
    expect(new Set(types)).toEqual(
      new Set([
        'Bounce',
        'Complaint',
        'Delivery',
        'Send',
        'Reject',
        'Open',
        'Click',
        'Rendering Failure',
        'DeliveryDelay',
      ]),
    );
  });

  it('refuses a detail-type that does not match the eventType, naming it', () => {
    const raw = {
      ...(rawSesFixture('complaint') as Record<string, unknown>),
      'detail-type': 'Email Bounced',
    };
    const parsed = sesEventSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['detail-type']);
  });

  it('accepts what SES sends as null (complaintSubType) and refuses another source', () => {
    const raw = rawSesFixture('complaint') as { detail: { complaint: Record<string, unknown> } };
    raw.detail.complaint.complaintSubType = null;
    expect(sesEventSchema.safeParse(raw).success).toBe(true);
    expect(sesEventSchema.safeParse({ ...raw, source: 'ecrm' }).success).toBe(false);
  });
});

describe('readFeedback', () => {
  it.each(SES_FIXTURES)('%s without ecrm tags (another application of the account) means nothing', (name) => {
    expect(readFeedback(sesEventSchema.parse(rawSesFixture(name)))).toBeUndefined();
  });

  it('a permanent bounce suppresses as bounced and moves the message to bounced, with the reason', () => {
    const f = readFeedback(taggedSesEvent('bounce-permanent', tags()));
    expect(f).toMatchObject({
      kind: 'bounced',
      seenKey: 'Bounce:Permanent',
      status: 'bounced',
      suppress: 'bounced',
      reason: 'Permanent/General: smtp; 550 5.1.1 user unknown',
      at: '2017-08-05T00:41:02.669Z',
    });
  });

  it('a transient bounce is counted on the message, never a suppression', () => {
    const f = readFeedback(taggedSesEvent('bounce-transient', tags()));
    expect(f).toMatchObject({ kind: 'softBounced', seenKey: 'Bounce:Transient' });
    expect(f?.suppress).toBeUndefined();
    expect(f?.status).toBeUndefined();
  });

  it('a complaint suppresses as complained, never as a bounce', () => {
    const f = readFeedback(taggedSesEvent('complaint', tags()));
    expect(f).toMatchObject({
      kind: 'complained',
      status: 'complained',
      suppress: 'complained',
      seenKey: 'Complaint',
    });
  });

  it('delivery, open and click move the status; the click keeps its link', () => {
    expect(readFeedback(taggedSesEvent('delivery', tags()))).toMatchObject({
      kind: 'delivered',
      status: 'delivered',
    });
    expect(readFeedback(taggedSesEvent('open', tags()))).toMatchObject({ kind: 'opened', status: 'opened' });
    expect(readFeedback(taggedSesEvent('click', tags()))).toMatchObject({
      kind: 'clicked',
      status: 'clicked',
      link: 'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html',
    });
  });

  it('a click is seen per link: a stable short key, the same for the same link, another for another', () => {
    const feedback = readFeedback(taggedSesEvent('click', tags()));
    const link = 'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html';
    expect(feedback?.seenKey).toBe(clickSeenKey(link));
    expect(clickSeenKey(link)).toMatch(/^Click#[A-Za-z0-9_-]{12}$/);
    expect(clickSeenKey(`${link}?b`)).not.toBe(clickSeenKey(link));
  });

  it('reject and rendering failure fail the message with the reason', () => {
    expect(readFeedback(taggedSesEvent('reject', tags()))).toMatchObject({
      kind: 'failed',
      status: 'failed',
      reason: 'rejected by SES: Bad content',
    });
    expect(readFeedback(taggedSesEvent('rendering-failure', tags()))?.reason).toContain(
      "Attribute 'attributeName' is not present",
    );
  });

  it("send makes the message sent with SES's id; delivery delay has no effect", () => {
    expect(readFeedback(taggedSesEvent('send', tags()))).toMatchObject({
      seenKey: 'Send',
      kind: 'sent',
      status: 'sent',
      at: '2016-10-14T05:02:16.645Z',
      sesMessageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
    });
    expect(readFeedback(taggedSesEvent('delivery-delay', tags()))).toBeUndefined();
  });
});

describe('statusesBefore', () => {
  it('moves only forward, and never out of refused or failed', () => {
    expect(statusesBefore('delivered')).toEqual(['claimed', 'sent']);
    expect(statusesBefore('opened')).toEqual(['claimed', 'sent', 'delivered']);
    expect(statusesBefore('complained')).toEqual([
      'claimed',
      'sent',
      'delivered',
      'opened',
      'clicked',
      'bounced',
    ]);
    expect(statusesBefore('failed')).toEqual(['claimed', 'sent']);
    expect(statusesBefore('clicked')).not.toContain('failed');
  });
});

describe('the default-bus rule', () => {
  const matches = compileEventPattern(FEEDBACK_RULE_PATTERN);
  it('takes effective SES events of ecrm messages only', () => {
    for (const name of [
      'send',
      'bounce-permanent',
      'complaint',
      'delivery',
      'open',
      'click',
      'reject',
      'rendering-failure',
    ] as const) {
      expect(matches(taggedSesJson(name, tags())), name).toBe(true);
      expect(matches(rawSesFixture(name)), `${name} untagged`).toBe(false);
    }
    expect(matches(taggedSesJson('delivery-delay', tags()))).toBe(false);
  });

  it('leaves out the sends and deliveries of campaign email sent from chunks but for each call witness send, and only those', () => {
    const chunked = tags({ chunk: '7-12' });
    expect(matches(taggedSesJson('delivery', chunked))).toBe(false);
    expect(matches(taggedSesJson('send', chunked))).toBe(false);
    expect(matches(taggedSesJson('send', tags({ chunk: '7-12-w' })))).toBe(true);
    expect(matches(taggedSesJson('delivery', tags({ chunk: '7-12-w' })))).toBe(false);
    for (const name of ['open', 'click', 'bounce-permanent', 'complaint', 'reject'] as const)
      expect(matches(taggedSesJson(name, chunked)), name).toBe(true);
    expect(matches(taggedSesJson('send', tags()))).toBe(true);
    expect(matches(taggedSesJson('delivery', tags({ origin: 'journey', originId: 'j_1-s1' })))).toBe(true);
  });
});

describe('tally', () => {
  it('counts applied outcomes per origin and per hour, never duplicates, and marks workspaces to check', () => {
    const a = tags();
    const b = tags({ contactId: 'c_2', originId: undefined, origin: 'api' });
    const at = new Date('2026-11-01T10:20:00Z');
    const applied = (name: Parameters<typeof taggedSesEvent>[0], t: MessageTags) => {
      const feedback = readFeedback(taggedSesEvent(name, t, at));
      if (!feedback) throw new Error('no feedback');
      return { status: 'applied' as const, feedback, message: true, suppressed: false };
    };
    const delivered = applied('delivery', a);
    const t = tally([
      delivered,
      applied('open', a),
      { status: 'duplicate', feedback: delivered.feedback },
      { ...applied('bounce-permanent', b), suppressed: true },
      { ...applied('delivery', b), message: false },
      { status: 'ignored', why: 'x' },
      applied('click', a),
      // Another link of a message clicked before: not a second clicked message.
      { ...applied('click', a), anotherLink: true },
    ]);
    expect([...t.origins.values()]).toEqual([
      { ws: 'ws_a', origin: 'campaign', originId: 'cmp_1', counts: { delivered: 1, opened: 1, clicked: 1 } },
      { ws: 'ws_a', origin: 'api', originId: '_', counts: { bounced: 1 } },
    ]);
    const link = 'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html';
    // Per link: both clicks (each the first on its link of a message), under the link's hash.
    expect([...t.links.values()]).toEqual([
      { ws: 'ws_a', origin: 'campaign', originId: 'cmp_1', linkHash: linkHash(link), link, clicked: 2 },
    ]);
    expect([...t.hours.values()]).toEqual([
      { ws: 'ws_a', hour: '2026-11-01T10:00Z', counts: { delivered: 1, bounced: 1 } },
    ]);
    expect([...t.check]).toEqual(['ws_a']);
  });
});

describe('tally of A/B test email', () => {
  it('counts a variant email for its campaign and for its variant, each clicked message once', () => {
    const at = new Date('2026-11-01T10:20:00Z');
    const applied = (name: Parameters<typeof taggedSesEvent>[0], t: MessageTags) => {
      const feedback = readFeedback(taggedSesEvent(name, t, at));
      if (!feedback) throw new Error('no feedback');
      return { status: 'applied' as const, feedback, message: true, suppressed: false };
    };
    const v1 = tags({ variant: '1' });
    const rest = tags({ contactId: 'c_9' });
    const t = tally([
      applied('open', v1),
      applied('click', v1),
      { ...applied('click', v1), anotherLink: true },
      applied('open', rest),
    ]);
    expect([...t.origins.values()]).toEqual([
      { ws: 'ws_a', origin: 'campaign', originId: 'cmp_1', counts: { opened: 2, clicked: 1 } },
      { ws: 'ws_a', origin: 'campaign', originId: 'cmp_1~v1', counts: { opened: 1, clicked: 1 } },
    ]);
  });
});
