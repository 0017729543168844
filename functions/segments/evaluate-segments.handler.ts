/**
 * Bus rule target: a contact changed (fields, an event, consent, identity) — re-evaluate only the
 * segments that read what changed; an erased contact leaves every segment. What each event means is
 * the table in lib/segments/contact-changes.ts.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { applyContactChange } from '../../lib/segments/apply-contact-change.ts';
import { CONTACT_CHANGES } from '../../lib/segments/contact-changes.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { membershipDeps } from '../shared/segment-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  for (const event of parseBusEventFor(CONTACT_CHANGES, raw))
    await applyContactChange(event, membershipDeps());
});
