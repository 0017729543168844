/**
 * What a campaign cost on AWS, estimated from what it consumed: its chunks (one SES call each, and one
 * SES Send event each), the recipients handed to the send path, the emails sent (the SES fee), and the
 * feedback events its counters counted, priced at the list prices of lib/shared/aws-prices.ts. An estimate, in USD:
 * the per-unit figures below are the send pipeline's design (DESIGN-10, lib/campaigns/send), not a
 * meter; `npm run bench` measures the real units on the local stack.
 *
 * Per chunk (≤ 50 recipients; one SES SendBulkEmail call per chunk and wave):
 * - 9 write units: the snapshot's put, the claim and the settle, each a conditional write of a
 *   ~2-3 KB item (3 units);
 * - 6.5 read units: the chunk and the campaign (eventually consistent), the send path's per-call
 *   reads (workspace, sender domain, halt, template version), a share of the snapshot's membership
 *   pages, and the chunk read again by the call's one SES Send event (only the last entry of a call is
 *   tagged for it: lib/campaigns/send);
 * - 3.2 SQS requests: the chunk job sent with its share of the batched receive and delete (2), and
 *   the Send event's message (1.2: EventBridge's send, a share of the batched receive and delete);
 * - 0.6 Lambda invocation: half a send invocation (two jobs each) of ~250 ms at 512 MB, a tenth of a
 *   feedback invocation (batches of 10) of ~100 ms at 128 MB.
 *
 * Per recipient handed to the send path: 0.5 read unit (its contact, in the chunk's one
 * BatchGetItem).
 *
 * Per counted feedback event (an open, a click on a link, a bounce, a complaint, a rejection, an
 * unsubscribe): its queue message and share of a feedback invocation, the message entry (~1.4 write
 * units with the counters' share), and its share of an `email.engaged` pack (a bus event carries up to
 * 25: ~0.1 bus event) and of the relay, lead scoring and segment evaluation invocations that pack
 * triggers. Lead scoring reads and writes nothing for an open or a click no rule of the model reads
 * (the default model has no email rules); a model that scores them adds about a write and a read unit
 * per scored event, which the estimate leaves out. Repeated opens and clicks of one message are not
 * counted either. These figures follow what `npm run bench -- campaigns` measured (README, Benchmarks:
 * $0.76 per 1M recipients with 25 % open / 3 % click / 1 % bounce); the model gives about $0.75 there.
 *
 * Left out: the progress and finish checks' reads of the chunks (~0.5 read unit per chunk each), the
 * timers, and the SES fee's attachments; they are small beside the above.
 */
import { PRICES } from '../../shared/aws-prices.ts';
import { CHUNK_SIZE } from '../send/chunk.schema.ts';

/** The per-unit model, as documented above. */
export const UNIT_MODEL = {
  perChunk: {
    writeUnits: 9,
    readUnits: 6.5,
    sqsRequests: 3.2,
    lambdaRequests: 0.6,
    lambdaGbSeconds: 0.12625,
  },
  perRecipientHandled: { readUnits: 0.5 },
  perFeedbackEvent: {
    writeUnits: 1.4,
    readUnits: 0.3,
    sqsRequests: 1.2,
    busEvents: 0.1,
    lambdaRequests: 0.6,
    lambdaGbSeconds: 0.008,
  },
} as const;

/** What the estimate is computed from. */
export interface CampaignConsumption {
  /** Recipients in the snapshot. */
  readonly audience: number;
  /** Recipients the send path took up (sent, suppressed, failed, capped, or in flight). */
  readonly handled: number;
  readonly sent: number;
  /** Feedback events counted on the campaign (opens, clicks per link, bounces, complaints...). */
  readonly feedbackEvents: number;
}

export interface CostEstimate {
  readonly estimate: true;
  readonly currency: 'USD';
  /** DynamoDB, SQS, Lambda and EventBridge: what ecrm itself costs for this campaign. */
  readonly infrastructure: number;
  /** The SES fee of the emails sent ($0.10 per 1,000). */
  readonly ses: number;
  readonly total: number;
  /** The infrastructure part by service. */
  readonly breakdown: {
    readonly dynamodb: number;
    readonly sqs: number;
    readonly lambda: number;
    readonly eventBridge: number;
  };
  /** The consumption it is computed from. */
  readonly basis: {
    /** At least this many (a shard's last page may be short). */
    readonly chunks: number;
    readonly sesCalls: number;
    readonly recipientsHandled: number;
    readonly sent: number;
    readonly feedbackEvents: number;
  };
}

/** Rounds dollars to a millionth (what a few requests cost): stable figures, no float noise. */
const usd = (n: number) => Math.round(n * 1e6) / 1e6;

/** The estimate; pure. */
export const estimateCampaignCost = (c: CampaignConsumption): CostEstimate => {
  const chunks = Math.ceil(c.audience / CHUNK_SIZE);
  const m = UNIT_MODEL;
  const writeUnits = chunks * m.perChunk.writeUnits + c.feedbackEvents * m.perFeedbackEvent.writeUnits;
  const readUnits =
    chunks * m.perChunk.readUnits +
    c.handled * m.perRecipientHandled.readUnits +
    c.feedbackEvents * m.perFeedbackEvent.readUnits;
  const sqsRequests = chunks * m.perChunk.sqsRequests + c.feedbackEvents * m.perFeedbackEvent.sqsRequests;
  const lambdaRequests =
    chunks * m.perChunk.lambdaRequests + c.feedbackEvents * m.perFeedbackEvent.lambdaRequests;
  const gbSeconds =
    chunks * m.perChunk.lambdaGbSeconds + c.feedbackEvents * m.perFeedbackEvent.lambdaGbSeconds;
  const busEvents = c.feedbackEvents * m.perFeedbackEvent.busEvents;

  const dynamodb = writeUnits * PRICES.writeUnit + readUnits * PRICES.readUnit;
  const sqs = sqsRequests * PRICES.sqsRequest;
  const lambda = lambdaRequests * PRICES.lambdaRequest + gbSeconds * PRICES.lambdaGbSecond;
  const eventBridge = busEvents * PRICES.busEvent;
  const infrastructure = dynamodb + sqs + lambda + eventBridge;
  const ses = c.sent * PRICES.sesEmail;
  return {
    estimate: true,
    currency: 'USD',
    infrastructure: usd(infrastructure),
    ses: usd(ses),
    total: usd(infrastructure + ses),
    breakdown: { dynamodb: usd(dynamodb), sqs: usd(sqs), lambda: usd(lambda), eventBridge: usd(eventBridge) },
    basis: {
      chunks,
      sesCalls: chunks,
      recipientsHandled: c.handled,
      sent: c.sent,
      feedbackEvents: c.feedbackEvents,
    },
  };
};
