/**
 * Roll-ups of a contact's events, kept on the contact so they outlive the raw timeline (which expires
 * by TTL): total count, first and last seen, and per event name its count and last time. Only the
 * most recent names are kept per contact, so a noisy client cannot grow a contact without bound.
 */
import type { Activity } from '../contacts/contact.schema.ts';

export const MAX_NAMES_PER_CONTACT = 25;

const min = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);
const max = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);

export const rollUp = (activity: Activity, name: string, occurredAt: string): Activity => {
  const previous = activity.byName[name];
  const byName = {
    ...activity.byName,
    [name]: { count: (previous?.count ?? 0) + 1, lastAt: max(previous?.lastAt, occurredAt) },
  };
  const names = Object.entries(byName);
  const kept =
    names.length > MAX_NAMES_PER_CONTACT
      ? Object.fromEntries(
          names.sort((a, b) => b[1].lastAt.localeCompare(a[1].lastAt)).slice(0, MAX_NAMES_PER_CONTACT),
        )
      : byName;
  return {
    eventCount: activity.eventCount + 1,
    firstSeenAt: min(activity.firstSeenAt, occurredAt),
    lastSeenAt: max(activity.lastSeenAt, occurredAt),
    byName: kept,
  };
};
