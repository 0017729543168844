/**
 * The bus rule of the MQL hand-off, matched by the local bus's own EventBridge matcher (the CDK rule
 * gets the same pattern from the catalogue): it lets through every stage change the handler acts on
 * (a move to `mql`) and none of those it ignores, so a first order's move to `customer` or a decay
 * back to `lead` no longer invokes the function for nothing.
 */
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import { matchesPattern, validateEventPattern } from '../../infra/local/event-pattern.ts';
import { MQL_HANDOFF_PATTERN, mqlHandoff } from '../../lib/email/feedback/mql-handoff.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { type DomainEvent, EVENT_SOURCE, type EventData } from '../../lib/shared/events/catalogue.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';

const clock = fixedClock('2026-11-01T10:00:00.000Z');
const contactId = 'c_01jc0000000000000000000000';

/** The stage changes scoring and the API publish, by name. */
const CHANGES: Record<string, EventData<'stage.changed'>> = {
  'threshold: lead → mql': { contactId, from: 'lead', to: 'mql', by: 'threshold' },
  'manual move to mql': { contactId, from: 'subscriber', to: 'mql', by: 'manual' },
  'first threshold: → lead': { contactId, to: 'lead', by: 'threshold' },
  'order: → customer': { contactId, from: 'lead', to: 'customer', by: 'threshold' },
  'manual: mql → sql': { contactId, from: 'mql', to: 'sql', by: 'manual' },
  'decay: mql → lead': { contactId, from: 'mql', to: 'lead', by: 'threshold' },
};

const onTheBus = (event: DomainEvent<'stage.changed'>) => ({
  version: '0',
  id: 'f3f0a9e2-0000-4000-8000-000000000000',
  source: EVENT_SOURCE,
  'detail-type': event.type,
  account: '123456789012',
  time: event.occurredAt,
  region: 'eu-west-1',
  resources: [],
  detail: {
    id: event.id,
    version: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.occurredAt,
    data: event.data,
  },
});

/** Whether the handler acts on an event: it goes past its stage check to read the workspace. */
const acts = async (event: DomainEvent<'stage.changed'>): Promise<boolean> => {
  let reached = false;
  const nothing = async () => {
    throw new Error('not reached: the workspace has no sales address');
  };
  const outcome = await mqlHandoff(event, {
    workspaces: {
      get: async () => {
        reached = true;
        return undefined;
      },
    },
    contacts: { get: nothing },
    timeline: { page: nothing },
    models: { get: nothing },
    alerts: { sendAlert: nothing },
    clock,
  });
  return reached && outcome === 'no sales address';
};

describe('stage.changed rule of mql-handoff', () => {
  it("the catalogue's rule is the pattern, valid for EventBridge", () => {
    const spec = functions.find((f) => f.name === 'mql-handoff');
    expect(spec?.trigger).toEqual({ kind: 'event', pattern: MQL_HANDOFF_PATTERN });
    expect(() => validateEventPattern(MQL_HANDOFF_PATTERN)).not.toThrow();
  });

  it('matches exactly the stage changes the handler acts on', async () => {
    const spec = functions.find((f) => f.name === 'mql-handoff');
    const pattern = spec?.trigger.kind === 'event' ? spec.trigger.pattern : {};
    const matched: string[] = [];
    for (const [name, data] of Object.entries(CHANGES)) {
      const event = domainEvent('stage.changed', 'ws_rules_test', data, clock);
      const matches = matchesPattern(pattern, onTheBus(event));
      expect(matches, name).toBe(await acts(event));
      if (matches) matched.push(name);
    }
    expect(matched).toEqual(['threshold: lead → mql', 'manual move to mql']);
  });
});
