/**
 * Bus rule target: a contact changed (fields, an event, consent, identity) — re-evaluate only the
 * segments that read what changed. An erased contact leaves every segment.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { leaveAllSegments } from '../../lib/segments/manage-segments.ts';
import { type Change, updateMembership } from '../../lib/segments/update-membership.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { membershipDeps } from '../shared/segment-deps.ts';

type Raw = EventBridgeEvent<string, unknown>;

/** The contact and what changed on it, from each event this function listens to. */
const changeOf = (raw: Raw): { workspaceId: string; contactId: string; change: Change } | undefined => {
  const of = (workspaceId: string, contactId: string, change: Change) => ({ workspaceId, contactId, change });
  switch (raw['detail-type']) {
    case 'contact.created': {
      const e = parseBusEvent('contact.created', raw);
      return e && of(e.workspaceId, e.data.contactId, { kind: 'created' });
    }
    case 'contact.updated': {
      const e = parseBusEvent('contact.updated', raw);
      return e && of(e.workspaceId, e.data.contactId, { kind: 'fields', fields: e.data.fields });
    }
    case 'contact.consent.changed': {
      const e = parseBusEvent('contact.consent.changed', raw);
      return e && of(e.workspaceId, e.data.contactId, { kind: 'fields', fields: ['consent'] });
    }
    case 'contact.identified': {
      const e = parseBusEvent('contact.identified', raw);
      return (
        e && of(e.workspaceId, e.data.contactId, { kind: 'fields', fields: ['activity', 'anonymousIds'] })
      );
    }
    case 'score.changed': {
      const e = parseBusEvent('score.changed', raw);
      return e && of(e.workspaceId, e.data.contactId, { kind: 'fields', fields: ['score'] });
    }
    case 'stage.changed': {
      const e = parseBusEvent('stage.changed', raw);
      return e && of(e.workspaceId, e.data.contactId, { kind: 'fields', fields: ['stage'] });
    }
    case 'event.recorded': {
      const e = parseBusEvent('event.recorded', raw);
      return e?.data.contactId
        ? of(e.workspaceId, e.data.contactId, { kind: 'event', name: e.data.name })
        : undefined;
    }
    default:
      return undefined;
  }
};

export const handler = middy<Raw, void>().handler(async (raw) => {
  const deps = membershipDeps();
  if (raw['detail-type'] === 'contact.erased') {
    const e = parseBusEvent('contact.erased', raw);
    if (e) await leaveAllSegments(e.workspaceId, e.data.contactId, deps);
    return;
  }
  const what = changeOf(raw);
  if (what) await updateMembership(what.workspaceId, what.contactId, what.change, deps);
});
