/**
 * The ready-made journeys: each document validates in every locale with its defaults, names only
 * shipped templates, refuses a wrong option by its name; and, through the dry run on a virtual clock,
 * does what it promises: the abandoned-checkout nudge 1 h after the checkout was left and the 24 h
 * reminder unless the order of this checkout arrives; the welcome series; the post-purchase follow-up
 * and review; the win-back ended by the next order; the birthday at 09:00 in the contact's zone; the
 * lead nurture handing an MQL to sales.
 */
import { describe, expect, it } from 'vitest';
import { instantInZone } from '../../lib/campaigns/send-time.ts';
import type { EventInput, Subject } from '../../lib/conditions/subject.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { type DryRunInput, dryRun } from '../../lib/journeys/dry-run.ts';
import { journeyIdSchema } from '../../lib/journeys/journey.schema.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import { abandonedCheckoutJourney } from '../../lib/journeys/ready-made/abandoned-checkout.ts';
import { birthdayJourney } from '../../lib/journeys/ready-made/birthday.ts';
import { readyMadeJourneyId } from '../../lib/journeys/ready-made/enable-ready-made.ts';
import { READY_MADE, readyMadeNamed } from '../../lib/journeys/ready-made/index.ts';
import { leadNurtureJourney } from '../../lib/journeys/ready-made/lead-nurture.ts';
import { postPurchaseJourney } from '../../lib/journeys/ready-made/post-purchase.ts';
import { welcomeJourney } from '../../lib/journeys/ready-made/welcome.ts';
import { winBackJourney } from '../../lib/journeys/ready-made/win-back.ts';
import { eventMatcher } from '../../lib/journeys/step-plan.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { SHIPPED_LOCALES } from '../../lib/workspaces/email-settings.schema.ts';
import { SHIPPED_TEMPLATES } from '../../templates/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 11:00 in Madrid: outside quiet hours. */
const T = '2026-11-30T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T) + ms).toISOString();
const event = (name: string, occurredAt: string, properties: Record<string, unknown> = {}): EventInput => ({
  name,
  occurredAt,
  properties,
});
const lead: Subject = {
  contact: emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z'),
  stage: 'lead',
};
const simulate = (over: Partial<DryRunInput> & Pick<DryRunInput, 'definition'>) =>
  dryRun({ start: new Date(T), timeZone: 'Europe/Madrid', subject: lead, events: [], ...over });
const sent = (result: ReturnType<typeof dryRun>) => result.emails.map((e) => [e.templateId, e.at]);

const refusal = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('accepted');
};

describe('ready-made journeys: the documents', () => {
  it('are six, each valid in every shipped locale, named in it, on shipped templates only', () => {
    expect(READY_MADE.map((r) => r.name)).toEqual([
      'welcome',
      'abandoned-checkout',
      'post-purchase',
      'win-back',
      'birthday',
      'lead-nurture',
    ]);
    const shipped = new Set(SHIPPED_TEMPLATES.map((t) => t.id));
    for (const r of READY_MADE) {
      const titles = new Set<string>();
      for (const locale of SHIPPED_LOCALES) {
        const doc = r.document({}, locale);
        expect(journeyDefinitionSchema.parse(doc)).toEqual(doc);
        expect(doc.name).toBe(r.text[locale].title);
        expect(doc.description).toBe(r.text[locale].description);
        titles.add(doc.name);
        const used = doc.steps.flatMap((s) => (s.type === 'email' ? [s.template.templateId] : []));
        expect(new Set(used), r.name).toEqual(new Set(r.templates));
        for (const id of used) expect(shipped.has(id), id).toBe(true);
      }
      expect(titles.size, `${r.name}: a title per language`).toBe(SHIPPED_LOCALES.length);
    }
    expect(readyMadeNamed('nope')).toBeUndefined();
  });

  it('each has one journey id, a valid one, that no new journey can take (its time part is the epoch)', () => {
    const ids = READY_MADE.map((r) => readyMadeJourneyId(r.name));
    expect(new Set(ids).size).toBe(READY_MADE.length);
    for (const id of ids) {
      expect(journeyIdSchema.parse(id)).toBe(id);
      expect(id.startsWith('jrn_000000000')).toBe(true);
    }
    expect(readyMadeJourneyId('welcome')).toBe(ids[0]);
  });

  it('refuses a wrong option by its name, and an option of another journey', () => {
    expect(refusal(() => abandonedCheckoutJourney({ reminderAfterHours: 0 }))).toEqual([
      { path: 'reminderAfterHours', message: 'at least 1' },
    ]);
    expect(refusal(() => winBackJourney({ inactiveDays: 1.5 }))[0]?.path).toBe('inactiveDays');
    expect(refusal(() => birthdayJourney({ sendAt: '9:00' }))[0]?.path).toBe('sendAt');
    expect(refusal(() => abandonedCheckoutJourney({ quietHours: { from: '22:00', to: '22:00' } }))).toEqual([
      { path: 'quietHours.to', message: 'quiet hours end when they start: null for none' },
    ]);
    expect(refusal(() => leadNurtureJourney({ leadStage: 'mql' }))[0]?.path).toBe('mqlStage');
    const welcome = readyMadeNamed('welcome');
    expect(refusal(() => welcome?.document({ inactiveDays: 90 }, 'en'))).toEqual([
      { path: 'inactiveDays', message: 'is not an option of the welcome journey' },
    ]);
  });
});

describe('abandoned checkout', () => {
  // The checkout started at 09:00Z; the connection's 60-minute window made it abandoned at 10:00Z (T).
  const journey = abandonedCheckoutJourney();
  const trigger = event('checkout.abandoned', T, { checkoutId: 'co_1', total: 4999 });
  const checkoutStarted = Date.parse(T) - HOUR;
  const run = (events: EventInput[]) => simulate({ definition: journey, trigger, events });

  it('nudges 1 h after the checkout was left, then reminds 24 h after it when no order comes', () => {
    const result = run([]);
    expect(sent(result)).toEqual([
      ['abandoned-checkout', new Date(checkoutStarted + HOUR).toISOString()],
      ['abandoned-checkout', new Date(checkoutStarted + 24 * HOUR).toISOString()],
    ]);
    expect(result.end.why).toBe('completed');
  });

  it('stops at the order of this checkout: no reminder', () => {
    const result = run([event('order.placed', at(5 * HOUR), { checkoutId: 'co_1', orderId: 'o_1' })]);
    expect(result.emails.map((e) => e.stepId)).toEqual(['nudge']);
    expect(result.end).toEqual({ at: at(5 * HOUR), why: 'goal', stepId: 'wait-order' });
  });

  it('goes on when the order is another checkout’s, or names none', () => {
    for (const order of [{ checkoutId: 'co_2' }, {}]) {
      const result = run([event('order.placed', at(5 * HOUR), { orderId: 'o_2', ...order })]);
      expect(result.emails.map((e) => e.stepId)).toEqual(['nudge', 'reminder']);
    }
  });

  it('holds the nudge in quiet hours (22:30 in Madrid: 08:00 the next morning), unless switched off', () => {
    const late = new Date('2026-11-30T21:30:00.000Z');
    const quiet = simulate({ definition: journey, trigger, start: late });
    expect(quiet.emails[0]?.at).toBe('2026-12-01T07:00:00.000Z');
    const loud = simulate({
      definition: abandonedCheckoutJourney({ quietHours: null }),
      trigger,
      start: late,
    });
    expect(loud.emails[0]?.at).toBe(late.toISOString());
  });

  it('takes the reminder delay as an option', () => {
    const result = simulate({ definition: abandonedCheckoutJourney({ reminderAfterHours: 47 }), trigger });
    expect(result.emails[1]?.at).toBe(at(47 * HOUR));
  });
});

describe('welcome series', () => {
  const journey = welcomeJourney();

  it('starts when email consent becomes subscribed, not on other consent changes nor in the preference centre', () => {
    if (journey.trigger.type !== 'event') throw new Error('an event trigger');
    const matches = eventMatcher(journey.trigger, undefined);
    const consent = (channel: string, status: string, source = 'footer-form') =>
      event('contact.consent.changed', T, { contactId: 'c_1', channel, status, source });
    expect(matches(consent('email', 'subscribed'))).toBe(true);
    expect(matches(consent('email', 'subscribed', 'double-opt-in (footer-form)'))).toBe(true);
    // A topic changed (or a return) in the preference centre: someone who already gets our email.
    expect(matches(consent('email', 'subscribed', 'preference-centre'))).toBe(false);
    expect(matches(consent('email', 'pending'))).toBe(false);
    expect(matches(consent('email', 'unsubscribed'))).toBe(false);
    expect(matches(consent('sms', 'subscribed'))).toBe(false);
    expect(journey.entry).toEqual({ mode: 'once' });
  });

  it('sends the welcome at once and the second email 3 days later; 0 days: the welcome only', () => {
    expect(sent(simulate({ definition: journey }))).toEqual([
      ['welcome', T],
      ['newsletter', at(3 * DAY)],
    ]);
    expect(sent(simulate({ definition: welcomeJourney({ followUpDays: 0 }) }))).toEqual([['welcome', T]]);
  });
});

describe('post-purchase follow-up', () => {
  it('follows up 3 days after the order, asks for a review 7 days later, once per 30 days', () => {
    const journey = postPurchaseJourney();
    const result = simulate({ definition: journey, trigger: event('order.placed', T, { orderId: 'o_1' }) });
    expect(sent(result)).toEqual([
      ['order-follow-up', at(3 * DAY)],
      ['review-request', at(10 * DAY)],
    ]);
    expect(journey.trigger).toEqual({ type: 'event', event: 'order.placed' });
    expect(journey.entry).toEqual({ mode: 'oncePer', periodDays: 30 });
  });
});

describe('win-back', () => {
  const journey = winBackJourney();

  it('starts 90 days after the last order, at most once per 180 days', () => {
    expect(journey.trigger).toEqual({ type: 'inactivity', event: 'order.placed', days: 90 });
    expect(journey.entry).toEqual({ mode: 'oncePer', periodDays: 180 });
    expect(winBackJourney({ inactiveDays: 120 }).trigger).toMatchObject({ days: 120 });
  });

  it('sends the win-back; the next order within 14 days is its goal', () => {
    const won = simulate({ definition: journey, events: [event('order.placed', at(5 * DAY), {})] });
    expect(sent(won)).toEqual([['win-back', T]]);
    expect(won.end).toMatchObject({ why: 'goal', at: at(5 * DAY) });
    expect(simulate({ definition: journey }).end).toEqual({ at: at(14 * DAY), why: 'completed' });
  });
});

describe('birthday', () => {
  it('fires on the birthday at 09:00 in the contact’s zone and sends at once, once a year at most', () => {
    const journey = birthdayJourney();
    expect(journey.trigger).toEqual({
      type: 'date',
      field: 'attributes.birthday',
      at: '09:00',
      offsetDays: 0,
    });
    // A yearly trigger passes the entry rule every year, a second one the same year does not.
    expect(journey.entry.mode).toBe('oncePer');
    expect(journey.entry.periodDays).toBeGreaterThan(31);
    expect(journey.entry.periodDays).toBeLessThan(365);
    // The trigger's instant: 09:00 on 14 July in New York (EDT) is 13:00Z.
    const start = instantInZone(
      '2026-07-14',
      journey.trigger.type === 'date' ? journey.trigger.at : '',
      'America/New_York',
    );
    expect(start.toISOString()).toBe('2026-07-14T13:00:00.000Z');
    const result = simulate({ definition: journey, start, timeZone: 'America/New_York' });
    expect(sent(result)).toEqual([['birthday', '2026-07-14T13:00:00.000Z']]);
  });

  it('takes the attribute, the time and an offset as options', () => {
    expect(birthdayJourney({ attribute: 'born_on', sendAt: '10:30', offsetDays: -2 }).trigger).toEqual({
      type: 'date',
      field: 'attributes.born_on',
      at: '10:30',
      offsetDays: -2,
    });
  });
});

describe('lead nurture with MQL hand-off', () => {
  const journey = leadNurtureJourney();
  const toMql = (ms: number) =>
    event('stage.changed', at(ms), { contactId: 'c_test', from: 'lead', to: 'mql' });

  it('starts when a contact becomes a lead; three emails four days apart while it stays one', () => {
    expect(journey.trigger).toEqual({ type: 'stage', to: 'lead' });
    const result = simulate({ definition: journey });
    expect(sent(result)).toEqual([
      ['newsletter', T],
      ['newsletter', at(4 * DAY)],
      ['newsletter', at(8 * DAY)],
    ]);
    expect(result.end).toEqual({ at: at(12 * DAY), why: 'completed' });
  });

  it('hands off the moment the lead becomes an MQL: tagged sales-ready, an mql-handoff signal, no more email', () => {
    const result = simulate({ definition: journey, events: [toMql(5 * DAY)] });
    expect(result.emails.map((e) => e.at)).toEqual([T, at(4 * DAY)]);
    expect(result.steps.slice(-3).map((s) => [s.stepId, s.at, s.effect])).toEqual([
      [
        'sales-ready',
        at(5 * DAY),
        {
          type: 'update',
          addTags: ['sales-ready'],
          removeTags: undefined,
          attributes: undefined,
          stage: undefined,
        },
      ],
      ['handoff', at(5 * DAY), { type: 'emit', name: 'mql-handoff', properties: { stage: 'mql' } }],
      ['done', at(5 * DAY), undefined],
    ]);
    expect(result.end).toEqual({ at: at(5 * DAY), why: 'exit', stepId: 'done' });
  });

  it('a stage change to another stage is not the hand-off; a lead moved past MQL by hand is handed off at the next check', () => {
    const other = simulate({
      definition: journey,
      events: [event('stage.changed', at(DAY), { from: 'lead', to: 'subscriber' })],
    });
    expect(other.emails).toHaveLength(3);
    const byHand = simulate({ definition: journey, subject: { ...lead, stage: 'sql' } });
    expect(byHand.emails).toHaveLength(1);
    expect(byHand.steps.map((s) => s.stepId)).toEqual([
      'email-1',
      'wait-1',
      'check-1',
      'sales-ready',
      'handoff',
      'done',
    ]);
  });

  it('ends at an order: a lead who buys needs no nurturing', () => {
    const result = simulate({ definition: journey, events: [event('order.placed', at(2 * DAY), {})] });
    expect(result.end).toMatchObject({ why: 'goal', at: at(2 * DAY) });
  });

  it('takes the stages, the count and the spacing as options', () => {
    const custom = leadNurtureJourney({
      emails: 2,
      spacingDays: 7,
      leadStage: 'prospect',
      mqlStage: 'qualified',
    });
    expect(custom.trigger).toEqual({ type: 'stage', to: 'prospect' });
    const result = simulate({
      definition: custom,
      stages: ['prospect', 'qualified', 'customer'],
      events: [event('stage.changed', at(9 * DAY), { to: 'qualified' })],
    });
    expect(result.emails.map((e) => e.at)).toEqual([T, at(7 * DAY)]);
    expect(result.end).toEqual({ at: at(9 * DAY), why: 'exit', stepId: 'done' });
  });
});
