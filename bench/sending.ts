/**
 * Sending: SendBulkEmail (one call per 50) against SendEmail per recipient, through the real send
 * use case, DynamoDB Local and the local SES: SES calls, DynamoDB units and Lambda GB-seconds per
 * 1,000 recipients. SES charges per message either way; what differs is calls, CPU and waiting.
 *
 * GB-seconds are given twice: measured here (wall time of the batches on this machine, an upper bound:
 * local SES and DynamoDB Local answer slower than a loaded 2-core machine should) and modelled (CPU
 * measured here + DynamoDB round trips + SES latency assumed from AWS's typical figures, stated below).
 */
import { performance } from 'node:perf_hooks';
import { functions } from '../infra/catalogue/functions.ts';
import { localDocumentClient, localDynamoDbClient } from '../infra/local/dynamodb-local.ts';
import type { LocalStack } from '../infra/local/stack.ts';
import { emptyContact } from '../lib/contacts/contact-model.ts';
import { contactsRepository } from '../lib/contacts/contacts.repository.ts';
import { newMessageId } from '../lib/email/message.schema.ts';
import { messagesRepository } from '../lib/email/messages.repository.ts';
import type { LoadedTemplate, RenderInput } from '../lib/email/ports.ts';
import { frequencyCapsRepository } from '../lib/email/send/frequency-caps.repository.ts';
import type { Mailer } from '../lib/email/send/ports.ts';
import { contactReader, workspaceReader } from '../lib/email/send/readers.ts';
import { sendBatch } from '../lib/email/send/send-batch.ts';
import { MAX_RECIPIENTS, sendRequestSchema } from '../lib/email/send/send-request.schema.ts';
import { sesBulkMailer, sesSingleMailer } from '../lib/email/send/ses-mailer.ts';
import { nodeTransport, type Transport } from '../lib/shared/aws/aws-http.ts';
import { SesClient } from '../lib/shared/aws/sesv2.ts';
import { systemClock } from '../lib/shared/clock.ts';
import { UpdateCommand } from '../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../lib/shared/events/outbox.ts';
import { newId } from '../lib/shared/ids.ts';
import { keys } from '../lib/shared/keys.ts';
import { createWorkspace } from '../lib/workspaces/api-keys.ts';
import { workspacesRepository } from '../lib/workspaces/workspaces.repository.ts';
import { meter as makeMeter } from './capacity.ts';

/** Assumed SES API latency in AWS (not measurable here): per SendEmail, and per SendBulkEmail entry on top. */
export const SES_LATENCY = { callMs: 60, bulkPerEntryMs: 4 } as const;
/** DynamoDB round trips per batch on the send path (workspace, BatchGet, claims, results), ~8 ms each in-region. */
const DDB_ROUND_TRIPS = 4;
const DDB_MS = 8;
/** SendEmail calls in flight per batch in the single-send variant. */
const SINGLE_CONCURRENCY = 10;

const html = (input: RenderInput) =>
  `<!doctype html><html><body><table width="600">${Array.from(
    { length: 6 },
    (_, i) =>
      `<tr><td><img src="https://cdn.shop.example/p/${i}.jpg" width="180"><p>Product ${i} for ${input.contact.firstName ?? ''}</p><a href="https://shop.example/p/${i}">Shop now</a></td></tr>`,
  ).join(
    '',
  )}<tr><td><a href="${input.links?.unsubscribeUrl}">Unsubscribe</a> ${input.settings.postalAddress}</td></tr></table></body></html>`;

/** A newsletter-sized rendering (≈ 2.5 KB HTML): the rendering itself is benched in bench/render.ts. */
const template: LoadedTemplate = {
  ref: { templateId: 'newsletter', version: 1 },
  kind: 'marketing',
  render: (input) => ({
    ok: true,
    email: { subject: `News for ${input.contact.firstName}`, html: html(input), text: 'News', locale: 'en' },
  }),
};

const LOCAL_CREDENTIALS = () => ({ accessKeyId: 'bench', secretAccessKey: 'bench' });

/**
 * An SES transport that answers at once, in SES's JSON, without a network: serialising, signing and
 * parsing still run, so the CPU a send costs in Lambda is measured without the local SES (which runs in
 * this process) counted with it.
 */
const cannedSes: Transport = async (url, init) => {
  const bulk = url.pathname.endsWith('/outbound-bulk-emails');
  const entries = bulk ? (init.body.match(/"Destination":/g) ?? []).length || 1 : 0;
  const json = bulk
    ? {
        BulkEmailEntryResults: Array.from({ length: entries }, (_, i) => ({
          Status: 'SUCCESS',
          MessageId: `m${i}`,
        })),
      }
    : { MessageId: 'm' };
  return { status: 200, body: JSON.stringify(json) };
};

export interface SendingFigures {
  readonly mode: 'SendBulkEmail' | 'SendEmail';
  readonly recipients: number;
  readonly sesCalls: number;
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly modelledGbSeconds: number;
  readonly measuredGbSeconds: number;
}

export const benchSending = async (input: {
  readonly stack: LocalStack;
  readonly recipients: number;
}): Promise<SendingFigures[]> => {
  const { stack } = input;
  // A client and a meter of the send path's own: the feedback loop of the local stack, which runs in
  // this process and applies the Send and Delivery events of these sends meanwhile, is not counted.
  const sendClient = () => localDocumentClient(stack.dynamodbEndpoint);
  const meter = makeMeter(localDynamoDbClient(stack.dynamodbEndpoint));
  const ws = `ws_bench_send_${Date.now()}`;
  await createWorkspace(
    { id: ws, name: 'bench send' },
    { workspaces: workspacesRepository(stack.table), clock: systemClock },
  );
  await stack.table.client.send(
    new UpdateCommand({
      TableName: stack.table.name,
      Key: keys.workspace(ws),
      UpdateExpression: 'SET settings.email = :e',
      ExpressionAttributeValues: {
        ':e': {
          defaultLocale: 'en',
          postalAddress: '1 Main Street, Springfield 12345',
          doubleOptIn: false,
          topics: [],
        },
      },
    }),
  );
  const setup = contactsRepository(stack.table);
  const ids: string[] = [];
  for (let i = 0; i < input.recipients; i++) {
    const id = newId('c');
    ids.push(id);
    await setup.create(
      {
        ...emptyContact(ws, id, 'bench', new Date().toISOString()),
        email: `p${i}@bench-send.example`,
        firstName: `P${i}`,
        consent: { email: { status: 'subscribed', source: 'bench', at: new Date().toISOString() } },
      },
      [],
      domainEvent('contact.created', ws, { contactId: id, fields: ['email'] }, systemClock),
    );
  }
  const memoryGb = (functions.find((f) => f.name === 'send-email')?.memoryMb ?? 128) / 1024;

  /** Every recipient once, batch by batch; throws unless all were sent. Returns the batches. */
  const run = async (mode: SendingFigures['mode'], transport: Transport, t: typeof stack.table) => {
    const calls = { n: 0 };
    const client = new SesClient(
      { region: 'us-east-1', url: stack.sesEndpoint, credentials: LOCAL_CREDENTIALS },
      {
        maxAttempts: 1,
        transport: (url, init) => {
          calls.n++;
          return transport(url, init);
        },
      },
    );
    const mailer: Mailer =
      mode !== 'SendEmail'
        ? sesBulkMailer(client, { configurationSet: 'ecrm-local' })
        : sesSingleMailer(client, { configurationSet: 'ecrm-local', concurrency: SINGLE_CONCURRENCY });
    const deps = {
      workspaces: workspaceReader(workspacesRepository(t)),
      contacts: contactReader(contactsRepository(t)),
      templates: { load: async () => template },
      subscriptions: {
        eligibility: () => ({ ok: true }) as const,
        links: async (_w: string, c: string) => ({
          unsubscribeUrl: `https://e.example/u/${c}`,
          oneClickUrl: `https://e.example/u/${c}/1`,
          preferencesUrl: `https://e.example/u/${c}/p`,
        }),
        inertLinks: () => ({
          unsubscribeUrl: 'https://e.example/u/test-send',
          oneClickUrl: 'https://e.example/u/test-send',
          preferencesUrl: 'https://e.example/u/test-send#preferences',
        }),
      },
      senders: { senderFor: async () => ({ ok: true, from: '"Bench" <news@bench-send.example>' }) as const },
      pauses: { marketingPausedFor: async () => undefined },
      messages: messagesRepository(t),
      mailer,
      halt: { current: async () => undefined, trip: async () => true },
      limits: { acquire: async () => {} },
      caps: frequencyCapsRepository(t),
      clock: systemClock,
      onHalt: () => {},
    };
    const options = {
      deliver: { attempts: 4, baseDelayMs: 100, random: Math.random, sleep: async () => {} },
      lastAttempt: false,
    };
    let batches = 0;
    for (let i = 0; i < ids.length; i += MAX_RECIPIENTS) {
      batches++;
      const request = sendRequestSchema.parse({
        workspaceId: ws,
        kind: 'marketing',
        origin: 'campaign',
        originId: 'bench',
        template: template.ref,
        recipients: ids
          .slice(i, i + MAX_RECIPIENTS)
          .map((contactId) => ({ contactId, messageId: newMessageId(new Date()) })),
      });
      const out = await sendBatch(request, deps, options);
      const notSent = Object.values(out.recipients).filter((o) => o.status !== 'sent');
      if (notSent.length)
        throw new Error(`bench send: ${notSent.length} not sent, e.g. ${JSON.stringify(notSent[0])}`);
    }
    return { batches, sesCalls: calls.n };
  };

  const measure = async (mode: SendingFigures['mode']): Promise<SendingFigures> => {
    // The feedback loop of the previous pass (Send and Delivery events) done first: not timed with this one.
    await stack.idle();
    // Counted pass: the handlers' (metered) table client, the local SES.
    const client = sendClient();
    meter.attach(client);
    meter.reset();
    const t0 = performance.now();
    const { batches, sesCalls } = await run(mode, nodeTransport, { client, name: stack.table.name });
    const wallMs = performance.now() - t0;
    const tally = meter.total();
    // CPU pass: an unmetered table client, SES answered in-process without a network.
    const cpu0 = process.cpuUsage();
    await run(mode, cannedSes, stack.table);
    const used = process.cpuUsage(cpu0);
    const cpuMs = (used.user + used.system) / 1000;
    const per1000 = 1000 / ids.length;
    const sesMs =
      mode !== 'SendEmail'
        ? batches * SES_LATENCY.callMs + ids.length * SES_LATENCY.bulkPerEntryMs
        : Math.ceil(ids.length / SINGLE_CONCURRENCY) * SES_LATENCY.callMs;
    const modelledMs = cpuMs + sesMs + batches * DDB_ROUND_TRIPS * DDB_MS;
    return {
      mode,
      recipients: ids.length,
      sesCalls: sesCalls * per1000,
      writeUnits: tally.writeUnits / ids.length,
      readUnits: tally.readUnits / ids.length,
      cpuMs: cpuMs * per1000,
      wallMs: wallMs * per1000,
      modelledGbSeconds: (modelledMs / 1000) * memoryGb * per1000,
      measuredGbSeconds: (wallMs / 1000) * memoryGb * per1000,
    };
  };
  return [await measure('SendBulkEmail'), await measure('SendEmail')];
};
