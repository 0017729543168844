/**
 * The email API's use cases: send one template to one contact (`POST /v1/emails`, idempotent by
 * `Idempotency-Key`) and a test send to an address (`POST /v1/templates/{id}/test-send`, capped per
 * workspace and hour). Both check what they can at once (the contact, the template version) and put
 * a send request on the queue; the send itself happens in the `send-email` function.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import { ConflictError, NotFoundError, RateLimitedError } from '../../shared/errors.ts';
import { newMessageId } from '../message.schema.ts';
import type { LoadedTemplate, TemplatePort } from '../ports.ts';
import type { QueuedEmail, SendEmailBody, TestSendBody } from './email-api.schema.ts';
import { type EmailRequestsRepository, IDEMPOTENCY_SECONDS } from './email-requests.repository.ts';
import type { ContactReader } from './ports.ts';
import type { SendQueue } from './send-queue.ts';
import { type SendRequest, sendRequestSchema } from './send-request.schema.ts';

/** Test sends per workspace and hour. */
export const TEST_SENDS_PER_HOUR = 20;

/** The latest version of a template (lib/templates), for requests that name none. */
export interface TemplateVersions {
  latest(workspaceId: string, templateId: string): Promise<number | undefined>;
}

export interface EnqueueDeps {
  readonly contacts: ContactReader;
  readonly templates: TemplatePort;
  readonly versions: TemplateVersions;
  readonly queue: SendQueue;
  readonly requests: Pick<EmailRequestsRepository, 'remember' | 'countTestSend'>;
  readonly clock: Clock;
}

const resolve = async (
  ws: string,
  contactId: string,
  templateId: string,
  version: number | undefined,
  deps: EnqueueDeps,
): Promise<LoadedTemplate> => {
  const [contact] = await deps.contacts.getMany(ws, [contactId]);
  if (!contact) throw new NotFoundError(`no contact ${contactId}`);
  const wanted = version ?? (await deps.versions.latest(ws, templateId));
  const template =
    wanted === undefined ? undefined : await deps.templates.load(ws, { templateId, version: wanted });
  if (!template) throw new NotFoundError(`no template ${templateId}${version ? ` version ${version}` : ''}`);
  return template;
};

const requestFor = (
  ws: string,
  template: LoadedTemplate,
  origin: 'api' | 'test',
  recipient: SendRequest['recipients'][number],
  subject?: string,
): SendRequest =>
  sendRequestSchema.parse({
    workspaceId: ws,
    kind: template.kind,
    origin,
    originId: template.ref.templateId,
    template: template.ref,
    ...(template.topic ? { topic: template.topic } : {}),
    ...(subject !== undefined ? { subject } : {}),
    recipients: [recipient],
  });

const hashOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export const sendEmail = async (
  ws: string,
  body: SendEmailBody,
  idempotencyKey: string | undefined,
  deps: EnqueueDeps,
): Promise<QueuedEmail> => {
  const template = await resolve(ws, body.contactId, body.templateId, body.version, deps);
  const now = deps.clock.now();
  let messageId = newMessageId(now);
  let replayed = false;
  if (idempotencyKey !== undefined) {
    const bodyHash = hashOf(body);
    const stored = await deps.requests.remember(
      ws,
      idempotencyKey,
      { messageId, bodyHash, ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_SECONDS },
      Math.floor(now.getTime() / 1000),
    );
    if (stored.bodyHash !== bodyHash)
      throw new ConflictError('this Idempotency-Key was used with another request body');
    replayed = stored.messageId !== messageId;
    messageId = stored.messageId;
  }
  // Queued again on a replay: the first request may have died before queueing, and a message id is
  // sent at most once whatever the queue holds.
  await deps.queue.enqueue([
    requestFor(ws, template, 'api', {
      contactId: body.contactId,
      messageId,
      ...(body.data ? { data: body.data } : {}),
    }),
  ]);
  return {
    messageId,
    status: 'queued',
    templateId: template.ref.templateId,
    version: template.ref.version,
    replayed,
  };
};

export const testSend = async (
  ws: string,
  templateId: string,
  body: TestSendBody,
  deps: EnqueueDeps,
): Promise<QueuedEmail> => {
  const template = await resolve(ws, body.contactId, templateId, body.version, deps);
  const now = deps.clock.now();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const nextHourSeconds = Math.floor(hour.getTime() / 1000) + 3600;
  const admitted = await deps.requests.countTestSend(
    ws,
    hour.toISOString(),
    TEST_SENDS_PER_HOUR,
    nextHourSeconds + 3600,
  );
  if (!admitted)
    throw new RateLimitedError(
      `at most ${TEST_SENDS_PER_HOUR} test sends an hour per workspace`,
      Math.max(1, nextHourSeconds - Math.floor(now.getTime() / 1000)),
    );
  const messageId = newMessageId(now);
  await deps.queue.enqueue([
    requestFor(
      ws,
      template,
      'test',
      {
        contactId: body.contactId,
        messageId,
        to: body.to,
        ...(body.data ? { data: body.data } : {}),
      },
      body.subject,
    ),
  ]);
  return { messageId, status: 'queued', templateId, version: template.ref.version, replayed: false };
};
