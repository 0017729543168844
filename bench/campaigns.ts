/**
 * A campaign sent on the local stack, every part real (launch event, snapshot, chunk jobs on the send
 * queue, the send function, the local SES, SES's events into the feedback loop, the finish check), to
 * a seeded static segment, then a typical response to it: 25% of recipients open, 3% click, 1%
 * bounce. Counted: recipients per second here, DynamoDB units by AWS's billing rules, SES calls, queue
 * requests, bus events and Lambda invocations per recipient, projected to a million recipients at
 * list prices (SES's own fee apart). Exactly once is checked: every address gets one email.
 *
 * Lambda duration is estimated as in costs.ts (5 ms a invocation, 5 ms a DynamoDB request) plus the
 * send function's SES calls (60 ms + 4 ms an entry, SES_LATENCY) and 1 ms of rendering and link
 * signing a recipient; the local wall time is printed beside it as an upper bound.
 */
import { performance } from 'node:perf_hooks';
import { invocationStats } from '../infra/local/invocation-context.ts';
import type { LocalStack } from '../infra/local/stack.ts';
import { campaignsRepository } from '../lib/campaigns/campaigns.repository.ts';
import { CHUNK_SIZE } from '../lib/campaigns/send/chunk.schema.ts';
import { chunksRepository } from '../lib/campaigns/send/chunks.repository.ts';
import { campaignTally } from '../lib/campaigns/send/progress.ts';
import { MESSAGE_TAG } from '../lib/email/message-tags.ts';
import { CONTACT_LIST_SHARDS } from '../lib/shared/keys.ts';
import { seedAudience } from '../test/support/seed-audience.ts';
import type { meter as Meter } from './capacity.ts';
import { lambdaUsage } from './metering/lambda-usage.ts';
import { billedBusEvents, costPerMillion, type Usage } from './metering/prices.ts';
import { SES_LATENCY } from './sending.ts';

export interface CampaignBenchOptions {
  readonly stack: LocalStack;
  readonly meter: ReturnType<typeof Meter>;
  readonly token: string;
  readonly workspaceId: string;
  readonly recipients: number;
  /** Inject SES throttling on 30% of calls and lost answers (the done-when's faults). */
  readonly faults: boolean;
  /** Lead scoring with rules for `email.opened` and `email.clicked` (the default model has none). */
  readonly emailScoring?: boolean;
}

const RENDER_MS_PER_RECIPIENT = 1;

export const benchCampaign = async (o: CampaignBenchOptions) => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${o.stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const idOf = (body: Record<string, unknown>) => {
    if (typeof body.id !== 'string') throw new Error('no id in the answer');
    return body.id;
  };
  await call('PUT', '/v1/workspace/email-settings', {
    postalAddress: 'Carrer de Mallorca 401, 08013 Barcelona',
    topics: [{ id: 'news', names: { en: 'News' } }],
  });
  await call('PUT', '/v1/templates/bench-news', {
    name: 'Bench news',
    kind: 'marketing',
    topic: 'news',
    locales: {
      en: {
        subject: 'News for {{ contact.firstName }}',
        html:
          '<table width="600">' +
          [0, 1, 2, 3, 4, 5]
            .map(
              (i) =>
                `<tr><td><img src="https://cdn.shop.example/p/${i}.jpg" width="180"><p>Product ${i} for {{ contact.firstName }}</p><a href="https://shop.example/p/${i}">Shop now</a></td></tr>`,
            )
            .join('') +
          '<tr><td><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</td></tr></table>',
      },
    },
  });
  await call('POST', '/v1/sender-domains', {
    domain: 'bench-campaign.example',
    displayName: 'Bench',
    default: true,
  });
  if (o.emailScoring)
    await call('PUT', '/v1/scoring-model', {
      engagement: [
        { id: 'opened', event: 'email.opened', points: 1 },
        { id: 'clicked', event: 'email.clicked', points: 3 },
      ],
    });
  const segmentId = idOf(await call('POST', '/v1/segments', { name: 'Bench audience', kind: 'static' }));
  const bounceEvery = 100;
  const people = await seedAudience(o.stack.table, o.workspaceId, segmentId, o.recipients);
  // 1% hard bounces: SES's simulator address, one per hundred recipients (a distinct label each).
  const bouncing = new Set<number>();
  for (let n = 0; n < people.length; n += bounceEvery) bouncing.add(n);
  const { UpdateCommand } = await import('../lib/shared/dynamodb/commands.ts');
  const { keys } = await import('../lib/shared/keys.ts');
  for (const n of bouncing) {
    const p = people[n];
    if (!p) continue;
    await o.stack.table.client.send(
      new UpdateCommand({
        TableName: o.stack.tableName,
        Key: keys.contact(o.workspaceId, p.id),
        UpdateExpression: 'SET email = :e',
        ExpressionAttributeValues: { ':e': `bounce+${n}@simulator.amazonses.com` },
      }),
    );
  }
  const campaignId = idOf(
    await call('POST', '/v1/campaigns', {
      name: 'Bench campaign',
      template: { templateId: 'bench-news' },
      audience: { segments: { include: [segmentId] } },
    }),
  );

  await o.stack.idle();
  o.meter.reset();
  invocationStats.clear();
  const busBefore = o.stack.bus.events.length;
  const sqsBefore = { sends: o.stack.queues.sendRequests, batches: o.stack.queues.invocations };
  const sesBefore = o.stack.ses.messages.length;
  const callsBefore = o.stack.ses.sendCalls;
  if (o.faults) {
    o.stack.ses.faults.throttleRate = 0.3;
    o.stack.ses.faults.lostAnswers = 3;
  }
  const t0 = performance.now();
  await call('POST', `/v1/campaigns/${campaignId}/start`, {});
  // Watched in the table (not through the API, whose invocations would count as the campaign's).
  const campaigns = campaignsRepository(o.stack.table);
  for (;;) {
    const status = (await campaigns.get(o.workspaceId, campaignId))?.status;
    if (status === 'sent' || status === 'failed' || status === 'cancelled') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - t0) / 1000;
  o.stack.ses.faults.throttleRate = 0;
  const sent = o.stack.ses.messages.slice(sesBefore).filter((m) => m.tags['ecrm-origin-id'] === campaignId);

  // The typical response: 25% open, 3% click (of all recipients).
  for (const [i, m] of sent.entries()) {
    if (i % 4 === 0) o.stack.ses.open(m.messageId);
    if (i % 33 === 0) o.stack.ses.click(m.messageId, 'https://shop.example/p/1');
  }
  await o.stack.idle();

  const byAddress = new Map<string, number>();
  for (const m of sent) for (const to of m.destination) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
  const duplicates = [...byAddress.values()].filter((n) => n > 1).length;
  const tally = await campaignTally(chunksRepository(o.stack.table), o.workspaceId, campaignId);
  const missed = tally.audience - byAddress.size - tally.suppressed - tally.failed - tally.capped;

  const dynamo = o.meter.total();
  const events = o.stack.bus.events.slice(busBefore).filter((e) => !String(e.source).startsWith('aws.'));
  const batches = o.stack.queues.invocations - sqsBefore.batches;
  const sqsRequests = o.stack.queues.sendRequests - sqsBefore.sends + 2 * batches;
  const sesCalls = o.stack.ses.sendCalls - callsBefore;
  const lambda = lambdaUsage(o.meter, (name) =>
    name === 'send-email'
      ? sesCalls * SES_LATENCY.callMs + o.recipients * (SES_LATENCY.bulkPerEntryMs + RENDER_MS_PER_RECIPIENT)
      : 0,
  );
  const usage: Usage = {
    writeUnits: dynamo.writeUnits,
    readUnits: dynamo.readUnits,
    busEvents: billedBusEvents(events),
    lambdaRequests: lambda.requests,
    lambdaGbSeconds: lambda.estimatedGbSeconds,
    sqsRequests,
    schedulerInvocations: 0,
  };
  const per = (n: number) => n / o.recipients;
  if (process.env.BENCH_DETAIL) {
    for (const [name, tally] of o.meter.all())
      console.error(name, JSON.stringify(tally.byOperation, null, 1));
    const inner = events.flatMap((e) => {
      const pack: unknown = (e.detail as { pack?: unknown }).pack;
      return Array.isArray(pack) ? pack.map((p: { id: string }) => `${e['detail-type']} ${p.id}`) : [];
    });
    console.error('packed events', inner.length, 'distinct', new Set(inner).size);
  }
  const byFunction = [...new Set([...invocationStats.keys(), ...o.meter.all().keys()])]
    .map((name) => ({
      name,
      invocations: per(invocationStats.get(name)?.count ?? 0),
      writeUnits: per(o.meter.get(name).writeUnits),
      readUnits: per(o.meter.get(name).readUnits),
    }))
    .sort((a, b) => b.writeUnits - a.writeUnits);
  // Last: it resets the meter.
  const timeline = await timelineRead(o, call, sent[1]?.tags[MESSAGE_TAG.contact]);
  return {
    seconds,
    recipientsPerSecond: o.recipients / seconds,
    tally,
    duplicates,
    missed,
    sesCalls,
    perRecipient: {
      writeUnits: per(dynamo.writeUnits),
      readUnits: per(dynamo.readUnits),
      sqsRequests: per(sqsRequests),
      busEvents: per(events.length),
      lambdaInvocations: per(lambda.requests),
    },
    byFunction,
    byEventType: Object.fromEntries(
      Object.entries(Object.groupBy(events, (e) => e['detail-type'])).map(([t, l]) => [
        t,
        per(l?.length ?? 0),
      ]),
    ),
    measuredGbSeconds: lambda.measuredGbSeconds,
    cost: costPerMillion(usage, o.recipients),
    timeline,
  };
};

/**
 * What showing a recipient its campaign email costs, read rather than written (lib/campaigns/
 * timeline-sends.ts): one page of an unopened recipient's timeline through the API, in read units and
 * DynamoDB round trips; and the lookup's reads projected to a campaign of 1M recipients (16 shards
 * of 50-recipient pages: a binary search of log2(pages) reads, the last page, the campaign, the
 * launches), eventually consistent chunk reads at 0.5 unit each.
 */
const timelineRead = async (
  o: CampaignBenchOptions,
  call: (method: string, path: string) => Promise<Record<string, unknown>>,
  contactId: string | undefined,
) => {
  if (contactId === undefined) throw new Error('no recipient to read the timeline of');
  o.meter.reset();
  const page = await call('GET', `/v1/contacts/${contactId}/timeline?limit=20`);
  const entries = Array.isArray(page.entries) ? page.entries : [];
  const shown = entries.filter((e: { kind?: unknown }) => e.kind === 'email').length;
  const read = o.meter.get('read-timeline');
  const pagesPerShard = (n: number) => Math.max(1, Math.ceil(n / CONTACT_LIST_SHARDS / CHUNK_SIZE));
  const lookupReads = (n: number) => 1 + Math.ceil(Math.log2(pagesPerShard(n))) + 1;
  return {
    emailsShown: shown,
    readUnits: read.readUnits,
    calls: read.calls,
    projectedLookupReadUnitsAt1M: lookupReads(1_000_000) * 0.5 + 1 + 0.5,
  };
};
