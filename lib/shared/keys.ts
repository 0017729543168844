/**
 * The one place where partition and sort keys are built. Every key starts with the workspace
 * (`W#<workspaceId>`), so no query can cross tenants by construction. Nothing else in the code base
 * writes a key string.
 */
import { createHash } from 'node:crypto';

export interface Key {
  readonly pk: string;
  readonly sk: string;
}

/** Contacts are spread over this many list shards so that bulk imports never heat one GSI partition. */
export const CONTACT_LIST_SHARDS = 16;
/** Shards of one segment's membership (same spreading function as contact listing). */
export const MEMBERSHIP_SHARDS = CONTACT_LIST_SHARDS;
/** Shards of a workspace's score distribution counters (same spreading function as contact listing). */
export const SCORE_COUNTER_SHARDS = CONTACT_LIST_SHARDS;

const ws = (workspaceId: string): string => `W#${workspaceId}`;

/** SHA-256 hex of a normalised identifier: keys never hold an email address or an external id in clear. */
export const identityHash = (value: string): string => createHash('sha256').update(value).digest('hex');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const shardOf = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % CONTACT_LIST_SHARDS;
};

/** The list and membership shard of a contact: where its segment memberships and campaign chunks are. */
export const contactShardOf = shardOf;

/**
 * Contact search terms are spread over SEARCH_GROUPS × SEARCH_SUBSHARDS partitions: the group comes
 * from the term's first character, the sub-shard from its second. A prefix of two characters or more
 * therefore lives in exactly one partition (one Query), a one-character prefix in SEARCH_SUBSHARDS
 * partitions; and the terms of a bulk import (mostly a few common initials) spread over 4 partitions
 * per initial instead of heating one.
 */
export const SEARCH_GROUPS = 32;
export const SEARCH_SUBSHARDS = 4;
export const SEARCH_SHARDS = SEARCH_GROUPS * SEARCH_SUBSHARDS;
/** Between a search term and the contact id in a term's sort key: below every character a term holds. */
export const SEARCH_TERM_SEPARATOR = '\u001f';

/** A 32-bit mix of a code point (murmur3's finaliser), so neighbouring letters land far apart. */
const mix = (x: number, seed: number): number => {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

/** The search shards a normalised prefix (or a whole term) can live in: one, or a group of them. */
export const searchShardsOf = (prefix: string): number[] => {
  const [first, second] = Array.from(prefix, (c) => c.codePointAt(0) ?? 0);
  const group = mix(first ?? 0, 0x9e3779b9) % SEARCH_GROUPS;
  if (second === undefined)
    return Array.from({ length: SEARCH_SUBSHARDS }, (_, i) => group * SEARCH_SUBSHARDS + i);
  return [group * SEARCH_SUBSHARDS + (mix(second, 0x7f4a7c15) % SEARCH_SUBSHARDS)];
};

/** The one shard a whole term is written to (a one-character term goes to its group's first). */
const searchShardOfTerm = (term: string): number => searchShardsOf(term)[0] ?? 0;

export const keys = {
  workspace: (workspaceId: string): Key => ({ pk: ws(workspaceId), sk: 'W' }),
  /** Exactly the workspace's partition (its item, keys, connections, segments, scoring model). */
  workspacePartition: (workspaceId: string): string => ws(workspaceId),
  /** What every other partition of the workspace starts with. */
  workspaceChildPrefix: (workspaceId: string): string => `${ws(workspaceId)}#`,
  /**
   * The checkpoint of a workspace deletion. Deliberately outside `W#<workspace>`: the deletion
   * sweeps every key under that prefix and must not sweep its own progress away.
   */
  workspaceDeletion: (workspaceId: string): Key => ({ pk: `DEL#${workspaceId}`, sk: 'DEL' }),
  apiKey: (workspaceId: string, keyId: string): Key => ({ pk: ws(workspaceId), sk: `K#${keyId}` }),
  apiKeyPrefix: 'K#',

  /**
   * A user's membership of a workspace (role, email), in the workspace's partition: a request finds
   * it with one GetItem, the members list is one Query of the `U#` prefix.
   */
  member: (workspaceId: string, userId: string): Key => ({ pk: ws(workspaceId), sk: `U#${userId}` }),
  memberPrefix: 'U#',
  /**
   * The same membership seen from the user (`U#<user id>`, one item per workspace): `/auth/me` lists a
   * user's workspaces with one Query. Deliberately outside `W#<workspace>`: a user spans workspaces.
   * Written in the same transaction as `member`, so the two never disagree.
   */
  userMembership: (userId: string, workspaceId: string): Key => ({
    pk: `U#${userId}`,
    sk: `M#${workspaceId}`,
  }),
  userPartition: (userId: string): string => `U#${userId}`,
  userMembershipPrefix: 'M#',

  contact: (workspaceId: string, contactId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: 'C',
  }),
  /** The GSI1 key under which a contact is listed; `shard` spreads writes. */
  contactListing: (workspaceId: string, contactId: string) => ({
    gsi1pk: `${ws(workspaceId)}#CL#${shardOf(contactId)}`,
    gsi1sk: contactId,
  }),
  contactListShard: (workspaceId: string, shard: number): string => `${ws(workspaceId)}#CL#${shard}`,
  /** The partition holding a contact and everything attached to it (timeline, history). */
  contactPartition: (workspaceId: string, contactId: string): string => `${ws(workspaceId)}#C#${contactId}`,

  /**
   * A contact's search term (a normalised name, full name or email: see lib/contacts/search-terms.ts),
   * in its shard's partition, sorted by term then contact. The one key family that holds personal
   * data in clear (a prefix search needs it): erasure deletes it with the contact, in one transaction.
   */
  searchTerm: (workspaceId: string, term: string, contactId: string): Key => ({
    pk: `${ws(workspaceId)}#ST#${searchShardOfTerm(term)}`,
    sk: `${term}${SEARCH_TERM_SEPARATOR}${contactId}`,
  }),
  searchShard: (workspaceId: string, shard: number): string => `${ws(workspaceId)}#ST#${shard}`,

  emailLookup: (workspaceId: string, email: string): Key => ({
    pk: `${ws(workspaceId)}#E#${identityHash(normaliseEmail(email))}`,
    sk: 'E',
  }),
  externalIdLookup: (workspaceId: string, externalId: string): Key => ({
    pk: `${ws(workspaceId)}#X#${identityHash(externalId)}`,
    sk: 'X',
  }),
  anonymousLookup: (workspaceId: string, anonymousId: string): Key => ({
    pk: `${ws(workspaceId)}#A#${identityHash(anonymousId)}`,
    sk: 'A',
  }),
  /** Partition of events recorded for an anonymous visitor before they identify. */
  anonymousPartition: (workspaceId: string, anonymousId: string): string =>
    `${ws(workspaceId)}#A#${identityHash(anonymousId)}`,

  /** One item per ingested event id: the dedupe record and the outbox entry in one write. */
  receivedEvent: (workspaceId: string, eventId: string): Key => ({
    pk: `${ws(workspaceId)}#EV#${eventId}`,
    sk: 'EV',
  }),
  timelineEntry: (partition: string, occurredAt: string, eventId: string): Key => ({
    pk: partition,
    sk: `T#${occurredAt}#${eventId}`,
  }),
  timelinePrefix: 'T#',
  /** Bounds of a timeline query by time: every entry at or after `occurredAt`... */
  timelineFrom: (occurredAt: string): string => `T#${occurredAt}`,
  /** ...and every entry at or before it (`~` sorts after the `#` that ends an entry's time). */
  timelineUpTo: (occurredAt: string): string => `T#${occurredAt}~`,

  /** An order, in its contact's partition (erased with the contact). */
  order: (workspaceId: string, contactId: string, connectionId: string, orderId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: `O#${connectionId}#${orderId}`,
  }),
  orderPrefix: 'O#',
  /** Which contact an order belongs to, for refunds that name only the order. */
  orderLookup: (workspaceId: string, connectionId: string, orderId: string): Key => ({
    pk: `${ws(workspaceId)}#OR#${connectionId}#${identityHash(orderId)}`,
    sk: 'OR',
  }),
  /** The shop's customer record on a contact (its id and last-modified time), in the contact's partition. */
  storefrontLink: (workspaceId: string, contactId: string, connectionId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: `SF#${connectionId}`,
  }),
  /** GSI1 keys of a storefront link: every contact a connection brought, for shop-wide erasure. */
  connectionContacts: (workspaceId: string, connectionId: string, contactId: string) => ({
    gsi1pk: `${ws(workspaceId)}#SFL#${connectionId}`,
    gsi1sk: contactId,
  }),
  connectionContactsPartition: (workspaceId: string, connectionId: string): string =>
    `${ws(workspaceId)}#SFL#${connectionId}`,
  /** A GDPR export kept for the operator to fetch (customers/data_request). */
  contactExport: (workspaceId: string, exportId: string): Key => ({
    pk: `${ws(workspaceId)}#EXP#${exportId}`,
    sk: 'EXP',
  }),
  /** Which contact a shop's customer id belongs to. */
  storefrontCustomer: (workspaceId: string, connectionId: string, customerId: string): Key => ({
    pk: `${ws(workspaceId)}#SC#${connectionId}#${identityHash(customerId)}`,
    sk: 'SC',
  }),

  checkout: (workspaceId: string, connectionId: string, checkoutId: string): Key => ({
    pk: `${ws(workspaceId)}#CK#${connectionId}#${identityHash(checkoutId)}`,
    sk: 'CK',
  }),

  segment: (workspaceId: string, segmentId: string): Key => ({ pk: ws(workspaceId), sk: `SG#${segmentId}` }),
  segmentPrefix: 'SG#',
  /** Segment members, spread over shards so a campaign reads millions in parallel. */
  membership: (workspaceId: string, segmentId: string, contactId: string): Key => ({
    pk: `${ws(workspaceId)}#SM#${segmentId}#${shardOf(contactId)}`,
    sk: contactId,
  }),
  membershipShard: (workspaceId: string, segmentId: string, shard: number): string =>
    `${ws(workspaceId)}#SM#${segmentId}#${shard}`,

  segmentImport: (workspaceId: string, importId: string): Key => ({
    pk: `${ws(workspaceId)}#IMP#${importId}`,
    sk: 'IMP',
  }),

  /**
   * Requests counted for rate limiting, one item per subject (a key id, or `*` for the whole
   * workspace) per window; written at most about once a second per container.
   */
  rateCounter: (workspaceId: string, subject: string, windowStart: number): Key => ({
    pk: `${ws(workspaceId)}#RL#${subject}#${windowStart}`,
    sk: 'RL',
  }),

  /** An email template's head (name, kind, latest version), in the workspace partition. */
  template: (workspaceId: string, templateId: string): Key => ({
    pk: ws(workspaceId),
    sk: `TP#${templateId}`,
  }),
  templatePrefix: 'TP#',
  /** One immutable version of a template, in the template's own partition (newest last). */
  templateVersion: (workspaceId: string, templateId: string, version: number): Key => ({
    pk: `${ws(workspaceId)}#TP#${templateId}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  templateVersionsPartition: (workspaceId: string, templateId: string): string =>
    `${ws(workspaceId)}#TP#${templateId}`,
  templateVersionPrefix: 'V#',
  /**
   * One shard of an email counter (per campaign, journey step, template...): the feedback loop adds
   * to a random shard, readers sum the shards, so no partition takes more than its share of the writes.
   */
  emailCounter: (workspaceId: string, origin: string, originId: string, shard: number): Key => ({
    pk: `${ws(workspaceId)}#MC#${origin}#${originId}#${shard}`,
    sk: 'MC',
  }),
  /** Clicks on one link (`linkHash`, from the link) in one shard of an origin's counter: its partition. */
  emailLinkCounter: (
    workspaceId: string,
    origin: string,
    originId: string,
    shard: number,
    linkHash: string,
  ): Key => ({
    pk: `${ws(workspaceId)}#MC#${origin}#${originId}#${shard}`,
    sk: `MCL#${linkHash}`,
  }),
  emailLinkCounterPrefix: 'MCL#',
  /** One shard of a workspace's hourly sending outcomes (deliveries, bounces, complaints). */
  sendingOutcomes: (workspaceId: string, shard: number, hour: string): Key => ({
    pk: `${ws(workspaceId)}#SO#${shard}`,
    sk: `H#${hour}`,
  }),
  sendingOutcomesShard: (workspaceId: string, shard: number): string => `${ws(workspaceId)}#SO#${shard}`,
  sendingOutcomesHour: (hour: string): string => `H#${hour}`,
  /**
   * Which optional bus consumers the workspace needs (lib/shared/events/fanout.ts): its count of
   * outgoing webhook endpoints and whether a journey of it ever went live. Read by the outbox relay
   * once per publish and workspace, written with the endpoint or journey change that moves it.
   */
  fanoutMarker: (workspaceId: string): Key => ({ pk: ws(workspaceId), sk: 'FANOUT' }),
  /** Whether the workspace's marketing email is paused (by its rates, or by hand), and why. */
  sendingState: (workspaceId: string): Key => ({ pk: ws(workspaceId), sk: 'SEND' }),

  scoringModel: (workspaceId: string): Key => ({ pk: ws(workspaceId), sk: 'SCM' }),
  /** One score history entry per scored input, in the contact's partition (its key dedupes the input). */
  scoreHistory: (workspaceId: string, contactId: string, inputId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: `SH#${inputId}`,
  }),
  scoreHistoryPrefix: 'SH#',
  /**
   * The score distribution counter shard a contact is counted in (lib/scoring/score-distribution.ts):
   * one partition per shard, spread like the contact listing, so no counter takes a hot workspace's
   * every score change.
   */
  scoreCounter: (workspaceId: string, contactId: string): Key => ({
    pk: `${ws(workspaceId)}#SCN#${shardOf(contactId)}`,
    sk: 'SCN',
  }),
  scoreCounterShard: (workspaceId: string, shard: number): Key => ({
    pk: `${ws(workspaceId)}#SCN#${shard}`,
    sk: 'SCN',
  }),
  /**
   * A contact's recent marketing sends under the workspace's frequency cap, in the contact's
   * partition (erased and exported with it); written only while the workspace has a cap.
   */
  frequencyCap: (workspaceId: string, contactId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: 'FC',
  }),

  /** A sending domain of the workspace (its SES identity's settings), in the workspace's partition. */
  senderDomain: (workspaceId: string, domain: string): Key => ({ pk: ws(workspaceId), sk: `SD#${domain}` }),
  senderDomainPrefix: 'SD#',
  /** Which sender domain the workspace sends from (absent: the oldest one). */
  defaultSenderDomain: (workspaceId: string): Key => ({ pk: ws(workspaceId), sk: 'SDDEF' }),

  connection: (workspaceId: string, connectionId: string): Key => ({
    pk: ws(workspaceId),
    sk: `CN#${connectionId}`,
  }),
  connectionPrefix: 'CN#',
  /** One item per webhook delivery: the dedupe record, the raw body and the outbox entry. */
  delivery: (workspaceId: string, connectionId: string, deliveryId: string): Key => ({
    pk: `${ws(workspaceId)}#WH#${connectionId}#${identityHash(deliveryId)}`,
    sk: 'WH',
  }),
  /** GSI1 keys of a quarantined delivery: a connection's quarantine, oldest first. */
  quarantinedDelivery: (
    workspaceId: string,
    connectionId: string,
    quarantinedAt: string,
    deliveryId: string,
  ) => ({
    gsi1pk: `${ws(workspaceId)}#QD#${connectionId}`,
    gsi1sk: `${quarantinedAt}#${identityHash(deliveryId)}`,
  }),
  quarantinePartition: (workspaceId: string, connectionId: string): string =>
    `${ws(workspaceId)}#QD#${connectionId}`,

  /** One item per timer: its task, input and due time; the id is the caller's deterministic name. */
  timer: (workspaceId: string, task: string, timerId: string): Key => ({
    pk: `${ws(workspaceId)}#TM#${task}#${identityHash(timerId)}`,
    sk: 'TM',
  }),
  timerSortKey: 'TM',
  /**
   * GSI1 keys of a pending timer: the deployment's due index (the one key family not under a
   * workspace: it is the clock every workspace shares, and holds only references). Sorted by due
   * time, spread over `timerShard` partitions so no partition takes more than a few hundred writes a
   * second even when 100,000 timers fall due in one minute.
   */
  timerDue: (shard: number, dueIso: string) => ({ gsi1pk: `TD#${shard}`, gsi1sk: dueIso }),
  timerDueShard: (shard: number): string => `TD#${shard}`,
  /**
   * A one-shot timer in the bucket of the minute whose drain sends it (deployment-wide, like the due
   * index): a drain reads its minute's buckets whole, so one-shot timers need no index entry at all.
   */
  timerBucket: (minute: string, shard: number, dueIso: string, id: string): Key => ({
    pk: `TQ#${minute}#${shard}`,
    sk: `${dueIso}#${id}`,
  }),
  timerBucketPartition: (minute: string, shard: number): string => `TQ#${minute}#${shard}`,
  /**
   * The deployment's link key (unsubscribe and confirmation links), sealed with KMS. One item, outside
   * every workspace: links of every workspace are signed with it, and deleting a workspace keeps it.
   */
  linkKey: (): Key => ({ pk: 'LINKKEY', sk: 'LINKKEY' }),
  /** The marker of a due minute that has work: written once, by the first timer filed in it. */
  timerMinute: (minute: string): Key => ({ pk: `TMIN#${minute}`, sk: 'TMIN' }),

  /**
   * Whether email sending is halted (SES paused or suspended the account): deployment-wide, like the
   * SES account it mirrors, so not under a workspace.
   */
  sendingHalt: (): Key => ({ pk: 'SENDHALT', sk: 'SENDHALT' }),
  /** Test sends of a workspace in one hour (the rate cap), counted conditionally. */
  testSendCounter: (workspaceId: string, hourStart: string): Key => ({
    pk: `${ws(workspaceId)}#TS#${hourStart}`,
    sk: 'TS',
  }),
  /**
   * A campaign, in the workspace partition (`CMP#<id>`; ids are time-ordered, so the sort key lists
   * them by creation).
   */
  campaign: (workspaceId: string, campaignId: string): Key => ({
    pk: ws(workspaceId),
    sk: `CMP#${campaignId}`,
  }),
  campaignPrefix: 'CMP#',
  /** A journey, in the workspace partition (`JRN#<id>`): its name, status and versions' numbers. */
  journey: (workspaceId: string, journeyId: string): Key => ({
    pk: ws(workspaceId),
    sk: `JRN#${journeyId}`,
  }),
  journeyPrefix: 'JRN#',
  /** Where a journey's trigger backfill keeps its place (and asks for its continuation). */
  journeyBackfill: (workspaceId: string, journeyId: string): Key => ({
    pk: ws(workspaceId),
    sk: `JBF#${journeyId}`,
  }),
  /** One version of a journey's document, never changed once written (runs keep the version they started on). */
  journeyVersion: (workspaceId: string, journeyId: string, version: number): Key => ({
    pk: `${ws(workspaceId)}#JRN#${journeyId}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  journeyVersionsPartition: (workspaceId: string, journeyId: string): string =>
    `${ws(workspaceId)}#JRN#${journeyId}`,
  /**
   * A contact's run of a journey, in the contact's partition (`JR#<journeyId>`): one item per contact and
   * journey, reused by each entry, so at most one run is active; erasing the contact removes it.
   */
  journeyRun: (workspaceId: string, contactId: string, journeyId: string): Key => ({
    pk: `${ws(workspaceId)}#C#${contactId}`,
    sk: `JR#${journeyId}`,
  }),
  journeyRunPrefix: 'JR#',
  /** One shard of a journey's run counters (entered, ended by reason, goal revenue): its own partition. */
  journeyCounter: (workspaceId: string, journeyId: string, shard: number): Key => ({
    pk: `${ws(workspaceId)}#JC#${journeyId}#${shard}`,
    sk: 'JC',
  }),
  /** A journey step's `journey.signal`, once per run and step: `JS#<runId>#<stepId>` in the contact's partition. */
  journeySignalPrefix: 'JS#',
  /** An outgoing webhook endpoint, in the workspace partition (`WHE#<id>`; ids are time-ordered). */
  webhookEndpoint: (workspaceId: string, endpointId: string): Key => ({
    pk: ws(workspaceId),
    sk: `WHE#${endpointId}`,
  }),
  webhookEndpointPrefix: 'WHE#',
  /**
   * One delivery of one domain event to one outgoing webhook endpoint, in the endpoint's delivery
   * partition, sorted by event id (time-ordered): its key is what makes an event delivered once per
   * endpoint however often the bus brings it.
   */
  webhookDelivery: (workspaceId: string, endpointId: string, eventId: string): Key => ({
    pk: `${ws(workspaceId)}#WHD#${endpointId}`,
    sk: `D#${eventId}`,
  }),
  webhookDeliveriesPartition: (workspaceId: string, endpointId: string): string =>
    `${ws(workspaceId)}#WHD#${endpointId}`,
  webhookDeliveryPrefix: 'D#',
  /**
   * An `Idempotency-Key` of the campaign API, hashed: the request it was first used with and what that
   * request made. One key per workspace whatever the route (Stripe's convention).
   */
  idempotentRequest: (workspaceId: string, idempotencyKey: string): Key => ({
    pk: `${ws(workspaceId)}#IK#${identityHash(idempotencyKey)}`,
    sk: 'IK',
  }),
  /**
   * A chunk of a campaign's audience snapshot (≤ 50 recipients, one page of one membership shard):
   * spread over the shards, so a campaign's snapshot is written and sent from 16 partitions in
   * parallel, and in page order within each.
   */
  campaignChunk: (workspaceId: string, campaignId: string, shard: number, page: number): Key => ({
    pk: `${ws(workspaceId)}#CCK#${campaignId}#${shard}`,
    sk: String(page).padStart(8, '0'),
  }),
  campaignChunkShard: (workspaceId: string, campaignId: string, shard: number): string =>
    `${ws(workspaceId)}#CCK#${campaignId}#${shard}`,
  /**
   * A campaign's launch, by time (`<startedAt>#<campaignId>`): written with the launch itself, so a
   * contact's timeline finds the campaigns sent in a span of time with one Query (campaign-sends.ts).
   */
  campaignLaunch: (workspaceId: string, startedAt: string, campaignId: string): Key => ({
    pk: `${ws(workspaceId)}#CLA`,
    sk: `${startedAt}#${campaignId}`,
  }),
  campaignLaunches: (workspaceId: string): string => `${ws(workspaceId)}#CLA`,
  /**
   * Which campaign a storefront order was attributed to: written once, by the first attribution of
   * the order (its conditional put is what makes attribution happen once per order).
   */
  orderAttribution: (workspaceId: string, connectionId: string, orderId: string): Key => ({
    pk: `${ws(workspaceId)}#OA#${connectionId}#${identityHash(orderId)}`,
    sk: 'OA',
  }),
  /**
   * An order attributed to a campaign, in the campaign's conversions partition (summed per currency
   * for its results); the sort key names the order by a hash, never in clear.
   */
  campaignConversion: (
    workspaceId: string,
    campaignId: string,
    connectionId: string,
    orderId: string,
  ): Key => ({
    pk: `${ws(workspaceId)}#CV#${campaignId}`,
    sk: identityHash(`${connectionId}\n${orderId}`),
  }),
  campaignConversionsPartition: (workspaceId: string, campaignId: string): string =>
    `${ws(workspaceId)}#CV#${campaignId}`,
  /** A shard of a campaign's audience snapshot that is written whole (one item per shard, in one partition). */
  campaignSnapshotShard: (workspaceId: string, campaignId: string, shard: number): Key => ({
    pk: `${ws(workspaceId)}#CSS#${campaignId}`,
    sk: String(shard).padStart(2, '0'),
  }),
  campaignSnapshotShards: (workspaceId: string, campaignId: string): string =>
    `${ws(workspaceId)}#CSS#${campaignId}`,
  /** An `Idempotency-Key` of `POST /v1/emails`, hashed: the message id it was first given. */
  emailRequest: (workspaceId: string, idempotencyKey: string): Key => ({
    pk: `${ws(workspaceId)}#ER#${identityHash(idempotencyKey)}`,
    sk: 'ER',
  }),
} as const;
