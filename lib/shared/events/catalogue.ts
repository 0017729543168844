/**
 * The catalogue of domain events: every event ecrm puts on its bus is declared here once, with its
 * detail-type, version and schema. Publishers validate against it before PutEvents; consumers parse
 * with it. An event's `detail` always has the same envelope: id, version, workspaceId, occurredAt, data;
 * except for a *packed* type, whose events travel in packs (see {@link PACK_LIMIT}). The publisher adds
 * the workspace's fan-out marker (`fanout`, fanout.ts) for the bus rules; parsing drops fields it does not
 * know, so consumers never see it.
 */
import * as z from 'zod';

export const EVENT_SOURCE = 'ecrm';

const identity = z.object({
  contactId: z.string().optional(),
  anonymousId: z.string().optional(),
  email: z.string().optional(),
  externalId: z.string().optional(),
});

const properties = z.record(z.string(), z.unknown());

const definitions = {
  'track.received': {
    version: 1,
    description: 'An event accepted by the track API, not yet attached to a contact (internal).',
    data: () =>
      z.object({
        eventId: z.string(),
        name: z.string(),
        kind: z.enum(['track', 'interaction']),
        occurredAt: z.string(),
        receivedAt: z.string(),
        identity,
        properties,
      }),
  },
  'event.recorded': {
    version: 1,
    description: "A fact on a contact's timeline (tracked event or logged interaction).",
    data: () =>
      z.object({
        eventId: z.string(),
        name: z.string(),
        kind: z.enum(['track', 'interaction']),
        occurredAt: z.string(),
        contactId: z.string().optional(),
        anonymousId: z.string().optional(),
        properties,
      }),
  },
  'contact.created': {
    version: 1,
    description: 'A new contact was stored.',
    data: () => z.object({ contactId: z.string(), fields: z.array(z.string()) }),
  },
  'contact.updated': {
    version: 1,
    description: 'Fields of a contact changed; `fields` names them (for incremental segmentation).',
    data: () => z.object({ contactId: z.string(), fields: z.array(z.string()) }),
  },
  'contact.consent.changed': {
    version: 1,
    description:
      "A contact's consent on one channel changed (`status` is the channel's status after it), or its email " +
      'topic choices did (`topics`). `messageId`: the email whose link made the change (an unsubscribe counted ' +
      'on its campaign). `confirmationMessageId`: a double opt-in confirmation to send, with this message id.',
    data: () =>
      z.object({
        contactId: z.string(),
        channel: z.string(),
        status: z.string(),
        source: z.string(),
        topics: z.record(z.string(), z.string()).optional(),
        messageId: z.string().optional(),
        confirmationMessageId: z.string().optional(),
      }),
  },
  'contact.identified': {
    version: 1,
    description: "An anonymous visitor's events were attached to a known contact.",
    data: () => z.object({ contactId: z.string(), anonymousId: z.string(), eventsMoved: z.number().int() }),
  },
  'contact.erased': {
    version: 1,
    description: 'A contact was erased (GDPR); only a hashed tombstone remains.',
    data: () => z.object({ contactId: z.string(), itemsDeleted: z.number().int() }),
  },
  'webhook.received': {
    version: 1,
    description: 'A verified storefront webhook delivery was stored (internal: processing runs behind it).',
    data: () =>
      z.object({
        connectionId: z.string(),
        provider: z.string(),
        deliveryId: z.string(),
        topic: z.string(),
      }),
  },
  'webhook.quarantined': {
    version: 1,
    description: 'A verified delivery could not be understood; it is kept for inspection, not retried.',
    data: () =>
      z.object({
        connectionId: z.string(),
        deliveryId: z.string(),
        topic: z.string(),
        reason: z.string(),
      }),
  },
  'order.placed': {
    version: 1,
    description: 'A storefront order was seen for the first time.',
    data: () =>
      z.object({
        contactId: z.string(),
        connectionId: z.string(),
        orderId: z.string(),
        status: z.string(),
        total: z.number().int(),
        currency: z.string(),
        /** When the shop says it was placed (ISO); absent from events published before it was added. */
        placedAt: z.string().optional(),
        /** The checkout the order came from, when the shop says (Shopify's checkout token, Stripe's session). */
        checkoutId: z.string().optional(),
      }),
  },
  'order.updated': {
    version: 1,
    description: 'A known order changed (paid, cancelled, refunded...).',
    data: () =>
      z.object({
        contactId: z.string(),
        connectionId: z.string(),
        orderId: z.string(),
        status: z.string(),
        total: z.number().int(),
        refunded: z.number().int(),
        currency: z.string(),
      }),
  },
  'order.refunded': {
    version: 1,
    description: 'Money went back to the customer for an order.',
    data: () =>
      z.object({
        contactId: z.string(),
        connectionId: z.string(),
        orderId: z.string(),
        refundId: z.string(),
        amount: z.number().int(),
        currency: z.string(),
      }),
  },
  'checkout.started': {
    version: 1,
    description: 'A storefront checkout was seen for the first time.',
    data: () =>
      z.object({
        connectionId: z.string(),
        checkoutId: z.string(),
        contactId: z.string().optional(),
        total: z.number().int(),
        currency: z.string(),
      }),
  },
  'checkout.abandoned': {
    version: 1,
    description: "A checkout with an email got no order within the connection's window.",
    data: () =>
      z.object({
        connectionId: z.string(),
        checkoutId: z.string(),
        contactId: z.string(),
        total: z.number().int(),
        currency: z.string(),
        recoveryUrl: z.string().optional(),
        lineItems: z.array(
          z.object({
            productId: z.string().optional(),
            sku: z.string().optional(),
            name: z.string(),
            quantity: z.number(),
            unitPrice: z.number().int(),
          }),
        ),
      }),
  },
  'contact.export.ready': {
    version: 1,
    description: 'A GDPR export of a contact was produced (e.g. for a Shopify customers/data_request).',
    data: () =>
      z.object({
        contactId: z.string(),
        exportId: z.string(),
        connectionId: z.string().optional(),
        requestId: z.string().optional(),
      }),
  },
  'segment.entered': {
    version: 1,
    description: 'A contact became a member of a segment.',
    data: () => z.object({ segmentId: z.string(), contactId: z.string(), ruleVersion: z.number().int() }),
  },
  'segment.exited': {
    version: 1,
    description: 'A contact stopped being a member of a segment (published from the membership removal).',
    data: () => z.object({ segmentId: z.string(), contactId: z.string(), ruleVersion: z.number().int() }),
  },
  'segment.rebuild.requested': {
    version: 1,
    description:
      "A segment's membership must be recomputed from every contact (new or changed rule), or purged (deleted segment).",
    data: () =>
      z.object({
        segmentId: z.string(),
        ruleVersion: z.number().int(),
        mode: z.enum(['evaluate', 'purge']),
      }),
  },
  'score.changed': {
    version: 1,
    // One per scored open or click under a model that scores them: packed like `email.engaged`.
    packed: true,
    description: "A contact's lead score changed, with the rules that moved it.",
    data: () =>
      z.object({
        contactId: z.string(),
        score: z.number(),
        previousScore: z.number(),
        delta: z.number(),
        reasons: z.array(z.object({ kind: z.string(), rule: z.string(), points: z.number() })),
      }),
  },
  'stage.changed': {
    version: 1,
    description: "A contact's lifecycle stage moved (by score threshold, by an event, or by hand).",
    data: () =>
      z.object({ contactId: z.string(), from: z.string().optional(), to: z.string(), by: z.string() }),
  },
  'segment.import.requested': {
    version: 1,
    description:
      'A CSV list was uploaded into a static segment; the import job (re)starts from its checkpoint.',
    data: () => z.object({ segmentId: z.string(), importId: z.string() }),
  },
  'contact.suppressed': {
    version: 1,
    description:
      'A contact may no longer be emailed: a permanent bounce or a complaint (complaints also withdraw ' +
      'marketing consent). Journeys and campaigns cancel what they scheduled for the contact.',
    data: () =>
      z.object({
        contactId: z.string(),
        reason: z.enum(['bounced', 'complained']),
        messageId: z.string().optional(),
      }),
  },
  'email.engaged': {
    version: 1,
    // One per open or click: packed, a bus event of its own each was most of a campaign's AWS cost.
    packed: true,
    description:
      'An email ecrm sent was delivered, opened, clicked, bounced or complained about (first time per ' +
      'message and kind; clicks: first time per link, with `link`), from SES feedback. Segments and ' +
      'lead scoring read it (`email.<kind>`).',
    data: () =>
      z.object({
        contactId: z.string(),
        messageId: z.string(),
        kind: z.enum(['delivered', 'opened', 'clicked', 'bounced', 'complained']),
        at: z.string(),
        origin: z.string(),
        originId: z.string().optional(),
        link: z.string().optional(),
      }),
  },
  'workspace.sending.paused': {
    version: 1,
    description:
      "A workspace's marketing email was paused: its bounce or complaint rate neared SES's review " +
      'thresholds, or an operator paused it. It stays paused until resumed by hand.',
    data: () =>
      z.object({
        reason: z.string(),
        by: z.enum(['rates', 'operator']),
        bounceRate: z.number().optional(),
        complaintRate: z.number().optional(),
        volume: z.number().int().optional(),
      }),
  },
  'workspace.sending.resumed': {
    version: 1,
    description: "A workspace's marketing email was resumed by hand; its rates count afresh from now.",
    data: () => z.object({ by: z.string() }),
  },
  'timer.minute.opened': {
    version: 1,
    description:
      'The first timer was filed in a due minute (internal): its drain schedule is created behind it. ' +
      'The workspace is the one whose timer opened the minute; the minute drains every workspace.',
    data: () => z.object({ minute: z.string() }),
  },
  'email.sending.halted': {
    version: 1,
    description:
      'SES paused or suspended the account (ACCOUNT_SENDING_PAUSED, AccountSuspendedException, ' +
      'SendingPausedException): every send waits until sending resumes. Published once per halt; the ' +
      'workspace is the one whose send hit it.',
    data: () => z.object({ reason: z.string(), at: z.string() }),
  },
  'timer.near': {
    version: 1,
    description:
      'A timer was set too close to its due time for a minute drain (internal): it is queued at once.',
    data: () => z.object({ key: z.string(), due: z.string() }),
  },
  'campaign.launched': {
    version: 1,
    description:
      'A campaign entered `sending` from draft or scheduled (started by hand, or its scheduled time came): ' +
      "the send pipeline's start signal. `by`: `api` or `schedule`.",
    data: () =>
      z.object({
        campaignId: z.string(),
        by: z.enum(['api', 'schedule']),
        startedAt: z.string(),
        sendAt: z.string().optional(),
      }),
  },
  'campaign.paused': {
    version: 1,
    description: 'A sending campaign was paused; it sends nothing more until resumed.',
    data: () => z.object({ campaignId: z.string(), reason: z.string() }),
  },
  'campaign.resumed': {
    version: 1,
    description: 'A paused campaign was resumed: it continues exactly where it stopped.',
    data: () => z.object({ campaignId: z.string() }),
  },
  'campaign.cancelled': {
    version: 1,
    description: 'A scheduled, sending or paused campaign was cancelled; `from` is the status it left.',
    data: () => z.object({ campaignId: z.string(), from: z.enum(['scheduled', 'sending', 'paused']) }),
  },
  'webhook.endpoint.disabled': {
    version: 1,
    description:
      'An outgoing webhook endpoint was disabled: its deliveries kept failing (each dead-lettered after ' +
      'its retry window) with no success for `failingFor` seconds. The notice to act: fix the receiver, ' +
      'then enable it again and replay its dead deliveries.',
    data: () =>
      z.object({
        endpointId: z.string(),
        failingSince: z.string(),
        failingFor: z.number().int(),
        lastError: z.string().optional(),
      }),
  },
  'journey.signal': {
    version: 1,
    description:
      "A journey's `emit` step: a named signal about a contact (an MQL hand-off, a milestone) for " +
      'outgoing webhooks and other consumers; `properties` come from the step.',
    data: () =>
      z.object({
        contactId: z.string(),
        journeyId: z.string(),
        runId: z.string(),
        stepId: z.string(),
        name: z.string(),
        properties,
      }),
  },
  'journey.backfill.requested': {
    version: 1,
    description:
      'A journey on a date or inactivity trigger went live (or got a new version): each contact of the ' +
      'workspace gets its trigger timer, a page at a time from `cursor` (internal).',
    data: () => z.object({ journeyId: z.string(), version: z.number().int(), cursor: z.string().optional() }),
  },
  'journey.entered': {
    version: 1,
    description: 'A contact entered a journey (a new run).',
    data: () =>
      z.object({ contactId: z.string(), journeyId: z.string(), runId: z.string(), version: z.number() }),
  },
  'journey.ended': {
    version: 1,
    description:
      "A contact's run of a journey ended (`ended`): `completed`, left at an exit step (`exit`), its `goal` " +
      'reached, or cancelled when the contact unsubscribed or was suppressed (bounce, complaint).',
    data: () =>
      z.object({
        contactId: z.string(),
        journeyId: z.string(),
        runId: z.string(),
        ended: z.enum(['completed', 'exit', 'goal', 'unsubscribed', 'suppressed']),
        /** The goal's order value (minor units), when the goal was an order. */
        revenue: z.object({ amount: z.number().int(), currency: z.string() }).optional(),
      }),
  },
} as const;

export type EventType = keyof typeof definitions;
export const eventTypes = Object.keys(definitions) as EventType[];

type DataSchema<T extends EventType> = ReturnType<(typeof definitions)[T]['data']>;
export type EventData<T extends EventType> = z.infer<DataSchema<T>>;

export interface DomainEvent<T extends EventType = EventType> {
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly workspaceId: string;
  readonly occurredAt: string;
  readonly data: EventData<T>;
}

/**
 * Each event's data schema is built the first time it is used, not at import: a function touches a
 * handful of the catalogue's event types, and building all of them cost every cold start.
 */
const built = new Map<EventType, z.ZodType>();
const dataSchema = <T extends EventType>(type: T): DataSchema<T> => {
  let schema = built.get(type);
  if (!schema) {
    schema = definitions[type].data();
    built.set(type, schema);
  }
  // The map holds what `definitions[type].data()` built for this very type.
  return schema as DataSchema<T>;
};

export const eventDefinition = <T extends EventType>(type: T) => ({
  version: definitions[type].version,
  description: definitions[type].description,
  data: dataSchema(type),
});

export const isEventType = (value: string): value is EventType => Object.hasOwn(definitions, value);

const envelope = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  workspaceId: z.string().min(1),
  occurredAt: z.string().min(1),
  data: z.unknown(),
});

/**
 * Events of a packed type (`packed: true`: frequent, small, each worth little alone) are published in
 * packs: one bus entry of the type carries up to this many events of one workspace, as
 * `detail = { version, workspaceId, pack: [{ id, occurredAt, data }, …] }` (EventBridge bills a bus event
 * per 64 KB: a pack of 25 costs what one event does, and is one invocation of each consumer). Rules may
 * select packed events by type and workspace only; consumers read them with {@link parseDomainEvents}.
 */
export const PACK_LIMIT = 25;

type Definitions = typeof definitions;
/** The packed event types. */
export type PackedEventType = {
  [T in EventType]: Definitions[T] extends { readonly packed: true } ? T : never;
}[EventType];
/** The types whose every bus event is one domain event. */
export type SingleEventType = Exclude<EventType, PackedEventType>;

export const isPacked = (type: EventType): type is PackedEventType => {
  const def = definitions[type];
  return 'packed' in def && def.packed === true;
};

const packEnvelope = z.object({
  version: z.number().int().positive(),
  workspaceId: z.string().min(1),
  pack: z
    .array(z.object({ id: z.string().min(1), occurredAt: z.string().min(1), data: z.unknown() }))
    .min(1)
    .max(PACK_LIMIT),
});

/**
 * The domain events of one bus event's `detail`: itself, or the events of a pack. Each is validated
 * against its catalogue entry; throws a zod error naming the bad field.
 */
export const parseDomainEvents = (type: string, detail: unknown): DomainEvent[] => {
  if (!isEventType(type)) throw new Error(`unknown event type ${type}`);
  if (!isPacked(type)) return [parseDomainEvent(type, detail)];
  const env = packEnvelope.parse(detail);
  const def = definitions[type];
  if (env.version !== def.version) throw new Error(`${type} v${env.version} is not v${def.version}`);
  return env.pack.map((e) =>
    parseDomainEvent(type, {
      id: e.id,
      version: env.version,
      workspaceId: env.workspaceId,
      occurredAt: e.occurredAt,
      data: e.data,
    }),
  );
};

/** Validate an event against its catalogue entry; throws a zod error naming the bad field. */
export const parseDomainEvent = (type: string, detail: unknown): DomainEvent => {
  if (!isEventType(type)) throw new Error(`unknown event type ${type}`);
  const def = definitions[type];
  const env = envelope.parse(detail);
  if (env.version !== def.version) throw new Error(`${type} v${env.version} is not v${def.version}`);
  const data = dataSchema(type).parse(env.data);
  return { ...env, type, data } as DomainEvent;
};

/** Narrows a parsed event to its type (its data was validated against that type's schema). */
export const isEventOf = <T extends EventType>(type: T, event: DomainEvent): event is DomainEvent<T> =>
  event.type === type;

/** The EventBridge pattern that selects one or more event types on the ecrm bus. */
export const patternFor = (...types: EventType[]) => ({
  source: [EVENT_SOURCE],
  'detail-type': types,
});
