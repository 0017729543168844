/**
 * The operator's command line: workspaces and API keys, against the local stack or a deployed table.
 *   npm run ecrm -- workspace create --id ws_acme --name "Acme" [--local | --table T]
 *   npm run ecrm -- workspace delete --id ws_acme [--segments 4] [--local | --table T]   (resumable)
 *   npm run ecrm -- workspace fanout-markers [--workspace ws_acme] [--local | --table T]   (once, after upgrading)
 *   npm run ecrm -- key issue --workspace ws_acme --name ops --scopes admin [--local | --table T]
 *   npm run ecrm -- key list --workspace ws_acme [--local | --table T]
 *   npm run ecrm -- key revoke --workspace ws_acme --key k_... [--local | --table T]
 *   npm run ecrm -- connection create --kind shopify --name "My shop" --secret S [--local | --api URL --api-key K]
 *   npm run ecrm -- connection list | rotate --id cn_... [--secret S] [--grace-hours 24] | delete --id cn_...
 *   npm run ecrm -- connection quarantine --id cn_... | replay --id cn_... (--delivery D | --all)
 *   npm run ecrm -- email-settings get | set --file settings.json [--local | --api URL --api-key K]
 *   npm run ecrm -- template list | get --id welcome [--version 2] | versions --id welcome
 *   npm run ecrm -- template save --id welcome --file welcome.json | install-defaults [--overwrite]
 *   npm run ecrm -- template preview --id welcome --contact c_... [--locale es] [--data '<json>']
 *   npm run ecrm -- sender-domain add --domain brand.example | list | show --domain D | update | remove
 *   npm run ecrm -- sending status | resume | stats --origin campaign --id cmp_... [--local | --api URL --api-key K]
 *   npm run ecrm -- campaign create --name N --template T --include sg_... | list | show --id cmp_...
 *   npm run ecrm -- campaign schedule --id cmp_... --at 2026-12-01T09:00 --time-zone Europe/Paris | start | pause | resume | cancel
 *   npm run ecrm -- campaign watch cmp_... [--interval 5] | progress --id cmp_... | results --id cmp_...
 *   npm run ecrm -- journey create --file journey.json | list | show --id jrn_... | start | pause | archive
 *   npm run ecrm -- journey ready-made | enable abandoned-checkout [--set reminderAfterHours=20]
 *   npm run ecrm -- webhook-endpoint create --url https://... --events order.placed | list | rotate --id whe_...
 *   npm run ecrm -- webhook-endpoint deliveries --id whe_... [--status dead] | replay --id whe_... --delivery ev_...
 *   npm run ecrm -- user list | invite --email a@shop.example --role admin | set-role --id <user id> --role analyst | remove --id <user id>
 *   npm run ecrm -- ses status | resume [--table T]   (the deployment-wide halt when SES pauses the account)
 *   npm run ecrm -- clock [advance 2h] --local   (the local stack's accelerated clock)
 *   npm run ecrm -- contacts reindex-search [--workspace ws_acme] [--resume <cursor>] [--local | --table T]
 *   npm run ecrm -- scoring recount --workspace ws_acme [--from 3/c_...] [--local | --table T]   (resumable)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { sendingHaltRepository } from '../lib/email/send/sending-halt.repository.ts';
import { journeysRepository } from '../lib/journeys/journeys.repository.ts';
import { endpointsRepository } from '../lib/outgoing-webhooks/endpoints.repository.ts';
import { systemClock } from '../lib/shared/clock.ts';
import { fanoutRepository } from '../lib/shared/events/fanout.repository.ts';
import { connectionsRepository } from '../lib/webhooks/connections.repository.ts';
import { createWorkspace, issueApiKey, revokeApiKey, setRateLimits } from '../lib/workspaces/api-keys.ts';
import { completeFanoutMarker } from '../lib/workspaces/complete-fanout-marker.ts';
import { deleteWorkspace } from '../lib/workspaces/delete-workspace.ts';
import {
  apiKeyView,
  originSchema,
  rateLimitsSchema,
  scopeSchema,
  workspaceIdSchema,
} from '../lib/workspaces/workspace.schema.ts';
import { workspaceDeletionRepository } from '../lib/workspaces/workspace-deletion.repository.ts';
import { workspacesRepository } from '../lib/workspaces/workspaces.repository.ts';
import { callApi, resolveApi } from './api-client.ts';
import { campaignCommand, campaignUsage } from './campaign.command.ts';
import { clockCommand, clockUsage } from './clock.command.ts';
import { contactsCommand, contactsUsage } from './contacts.command.ts';
import { journeyCommand, journeyUsage } from './journey.command.ts';
import { scoringCommand as scoringTableCommand, scoringUsage } from './scoring.command.ts';
import { senderDomainCommand, senderDomainUsage } from './sender-domain.command.ts';
import { sendingCommand, sendingUsage } from './sending.command.ts';
import { resolveTable } from './target.ts';
import { userCommand, userUsage } from './user.command.ts';
import { webhookEndpointCommand, webhookEndpointUsage } from './webhook-endpoint.command.ts';

const usage = `usage: ecrm <command> [options] (--local | --table <name>)
  workspace create --id ws_<name> --name <display name>
  workspace delete --id ws_<name> [--segments <n>] [--again]   (all its data; run again to resume)
  workspace fanout-markers [--workspace <id>]   (completes the fan-out markers of workspaces made before them; every workspace without --workspace; idempotent)
${contactsUsage}
  workspace limits --workspace <id> [--per-key <requests/s>] [--per-workspace <requests/s>]
  key issue --workspace <id> --name <label> --scopes admin,write,read,ingest [--origins https://a.example,...]
  key list --workspace <id>
  key revoke --workspace <id> --key <key id>
  connection create --kind shopify|woocommerce|stripe|generic --name <label> [--secret <signing secret>]
  connection list
  connection rotate --id <connection id> [--secret <new secret>] [--grace-hours <n>]
  connection delete --id <connection id>
  connection quarantine --id <connection id>
  connection replay --id <connection id> (--delivery <delivery id> | --all)
  segment create --name <label> (--condition '<json>' | --static)
  segment list | get --id <segment id> | members --id <segment id>
  segment add --id <static segment id> --contacts <id,id,...>
  scoring-model get | set --file <model.json>
${scoringUsage}
  email-settings get | set --file <settings.json>   (locale, time zone, postal address, sales address, double opt-in, topics, frequency cap)
  template list | get --id <template id> [--version <n>] | versions --id <template id>
  template save --id <template id> --file <template.json>   (a new version: the PUT /v1/templates/{id} body)
  template preview --id <template id> --contact <contact id> [--locale en|es|fr|it|zh-Hant] [--data '<json>']
  template install-defaults [--overwrite]   (the shipped templates, in five languages)
${senderDomainUsage}
  ses status | resume   (deployment-wide: SES paused or suspended the account; resume once SES sends again)
  email send --contact <contact id> --template <template id> [--version <n>] [--data '<json>'] [--idempotency-key <key>]
  email test-send --template <template id> --contact <contact id> --to <address> [--version <n>] [--data '<json>']
${sendingUsage}
${campaignUsage}
${journeyUsage}
${webhookEndpointUsage}
${userUsage}
${clockUsage}
  (connection, segment, scoring-model, template, sender-domain, email-settings, sending, email, campaign, journey, webhook-endpoint and user commands go through the API: --local, or --api <url> --api-key <key>)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    local: { type: 'boolean' },
    table: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    workspace: { type: 'string' },
    scopes: { type: 'string' },
    key: { type: 'string' },
    api: { type: 'string' },
    'api-key': { type: 'string' },
    kind: { type: 'string' },
    secret: { type: 'string' },
    'grace-hours': { type: 'string' },
    condition: { type: 'string' },
    static: { type: 'boolean' },
    contacts: { type: 'string' },
    contact: { type: 'string' },
    version: { type: 'string' },
    locale: { type: 'string' },
    data: { type: 'string' },
    overwrite: { type: 'boolean' },
    file: { type: 'string' },
    delivery: { type: 'string' },
    segments: { type: 'string' },
    again: { type: 'boolean' },
    resume: { type: 'string' },
    all: { type: 'boolean' },
    origins: { type: 'string' },
    'per-key': { type: 'string' },
    'per-workspace': { type: 'string' },
    domain: { type: 'string' },
    'from-local-part': { type: 'string' },
    'display-name': { type: 'string' },
    'mail-from': { type: 'string' },
    default: { type: 'boolean' },
    template: { type: 'string' },
    to: { type: 'string' },
    'idempotency-key': { type: 'string' },
    origin: { type: 'string' },
    include: { type: 'string' },
    exclude: { type: 'string' },
    topic: { type: 'string' },
    utm: { type: 'string' },
    'sender-domain': { type: 'string' },
    status: { type: 'string' },
    at: { type: 'string' },
    'time-zone': { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    interval: { type: 'string' },
    set: { type: 'string', multiple: true },
    url: { type: 'string' },
    events: { type: 'string' },
    description: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw new Error(`--${flag} is required\n${usage}`);
  return value;
};

const main = async (): Promise<unknown> => {
  const [noun, verb] = positionals;
  if (values.help || !noun) return usage;
  const command = `${noun} ${verb ?? ''}`.trim();
  if (noun === 'clock') return clockCommand(verb, positionals[2], values);
  if (noun === 'connection') return connectionCommand(verb);
  if (noun === 'segment') return segmentCommand(verb);
  if (noun === 'template') return templateCommand(verb);
  if (noun === 'scoring-model') return scoringCommand(verb);
  if (noun === 'sender-domain') {
    return senderDomainCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
    );
  }
  if (noun === 'sending')
    return sendingCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
    );
  if (noun === 'campaign')
    return campaignCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
      positionals.slice(2),
    );
  if (noun === 'journey')
    return journeyCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
      positionals.slice(2),
    );
  if (noun === 'webhook-endpoint')
    return webhookEndpointCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
    );
  if (noun === 'user')
    return userCommand(
      verb,
      values,
      resolveApi({ local: values.local, api: values.api, key: values['api-key'] }),
    );
  if (noun === 'email-settings') return emailSettingsCommand(verb);
  if (noun === 'email') return emailCommand(verb);
  const table = resolveTable(values);
  if (noun === 'contacts') return contactsCommand(verb, values, table);
  const deps = { workspaces: workspacesRepository(table), clock: systemClock };
  if (noun === 'scoring') return scoringTableCommand(verb, values, table);
  switch (command) {
    case 'workspace delete': {
      const id = workspaceIdSchema.parse(required(values.id, 'id'));
      const segments = values.segments
        ? z.coerce.number().int().min(1).max(64).parse(values.segments)
        : undefined;
      return deleteWorkspace(
        id,
        { ...deps, connections: connectionsRepository(table), deletion: workspaceDeletionRepository(table) },
        {
          ...(segments ? { segments } : {}),
          ...(values.again ? { again: true } : {}),
          onProgress: (p) => {
            process.stderr.write(
              `${p.workspaceId}: ${p.deleted} items deleted, ${p.scanned} scanned, ${p.segmentsDone}/${p.segments} segments done\n`,
            );
          },
        },
      );
    }
    case 'workspace fanout-markers': {
      const ids = values.workspace
        ? [workspaceIdSchema.parse(values.workspace)]
        : await deps.workspaces.listIds();
      const markerDeps = {
        fanout: fanoutRepository(table),
        endpoints: endpointsRepository(table),
        journeys: journeysRepository(table),
      };
      const done = [];
      for (const id of ids) {
        const result = await completeFanoutMarker(id, markerDeps);
        process.stderr.write(`${id}: ${result.outcome}\n`);
        done.push(result);
      }
      return { workspaces: done };
    }
    case 'ses status':
      return { halted: (await sendingHaltRepository(table, systemClock).read()) ?? null };
    case 'ses resume': {
      // Once SES sends again (the account re-enabled, the pause lifted): clear the halt, then redrive the DLQ.
      const halt = sendingHaltRepository(table, systemClock);
      const was = await halt.read();
      await halt.clear();
      return { resumed: true, wasHalted: was ?? null };
    }
    case 'workspace create': {
      const id = workspaceIdSchema.parse(required(values.id, 'id'));
      const workspace = await createWorkspace({ id, name: required(values.name, 'name') }, deps);
      return { workspace: workspace.id, name: workspace.name };
    }
    case 'workspace limits': {
      const limits = rateLimitsSchema.parse({
        ...(values['per-key'] ? { perKey: Number(values['per-key']) } : {}),
        ...(values['per-workspace'] ? { perWorkspace: Number(values['per-workspace']) } : {}),
      });
      const workspace = required(values.workspace, 'workspace');
      return { workspace, rateLimits: await setRateLimits(workspace, limits, deps) };
    }
    case 'key issue': {
      const scopes = z.array(scopeSchema).min(1).parse(required(values.scopes, 'scopes').split(','));
      const allowedOrigins = values.origins
        ? z.array(originSchema).parse(values.origins.split(','))
        : undefined;
      const { key, token } = await issueApiKey(
        {
          workspaceId: required(values.workspace, 'workspace'),
          name: required(values.name, 'name'),
          scopes,
          allowedOrigins,
        },
        deps,
      );
      return { ...apiKeyView(key), token, note: 'the token is shown once: store it now' };
    }
    case 'key list':
      return (await deps.workspaces.listKeys(required(values.workspace, 'workspace'))).map(apiKeyView);
    case 'key revoke':
      return apiKeyView(
        await revokeApiKey(required(values.workspace, 'workspace'), required(values.key, 'key'), deps),
      );
    default:
      throw new Error(`unknown command "${command}"\n${usage}`);
  }
};

const quarantinePage = z.object({ deliveries: z.array(z.unknown()), next: z.string().optional() });
const replayResult = z.object({ replayed: z.number().int(), more: z.boolean() });

const connectionCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  switch (verb) {
    case 'create':
      return callApi(api, 'POST', '/v1/connections', {
        kind: required(values.kind, 'kind'),
        name: required(values.name, 'name'),
        ...(values.secret ? { secret: values.secret } : {}),
      });
    case 'list':
      return callApi(api, 'GET', '/v1/connections');
    case 'rotate':
      return callApi(
        api,
        'POST',
        `/v1/connections/${encodeURIComponent(required(values.id, 'id'))}/rotate-secret`,
        {
          ...(values.secret ? { secret: values.secret } : {}),
          ...(values['grace-hours']
            ? { graceHours: z.coerce.number().int().parse(values['grace-hours']) }
            : {}),
        },
      );
    case 'delete':
      await callApi(api, 'DELETE', `/v1/connections/${encodeURIComponent(required(values.id, 'id'))}`);
      return { deleted: values.id };
    case 'quarantine': {
      const path = `/v1/connections/${encodeURIComponent(required(values.id, 'id'))}/quarantine`;
      const deliveries: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = quarantinePage.parse(
          await callApi(
            api,
            'GET',
            `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          ),
        );
        deliveries.push(...page.deliveries);
        cursor = page.next;
      } while (cursor);
      return { deliveries };
    }
    case 'replay': {
      const path = `/v1/connections/${encodeURIComponent(required(values.id, 'id'))}/quarantine/replay`;
      if (values.delivery) return callApi(api, 'POST', path, { deliveryId: values.delivery });
      if (!values.all) throw new Error(`give --delivery <id> or --all\n${usage}`);
      let replayed = 0;
      for (;;) {
        const round = replayResult.parse(await callApi(api, 'POST', path, { all: true }));
        replayed += round.replayed;
        process.stderr.write(`replayed ${replayed}${round.more ? ', more waiting…' : ''}\n`);
        if (!round.more || round.replayed === 0) return { replayed };
      }
    }
    default:
      throw new Error(`unknown command "connection ${verb ?? ''}"\n${usage}`);
  }
};

const json = (text: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
};

const segmentCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  const id = () => encodeURIComponent(required(values.id, 'id'));
  switch (verb) {
    case 'create':
      return callApi(api, 'POST', '/v1/segments', {
        name: required(values.name, 'name'),
        ...(values.static
          ? { kind: 'static' }
          : { kind: 'dynamic', condition: json(required(values.condition, 'condition'), '--condition') }),
      });
    case 'list':
      return callApi(api, 'GET', '/v1/segments');
    case 'get':
      return callApi(api, 'GET', `/v1/segments/${id()}`);
    case 'members':
      return callApi(api, 'GET', `/v1/segments/${id()}/members?limit=100`);
    case 'add':
      return callApi(api, 'POST', `/v1/segments/${id()}/members`, {
        add: required(values.contacts, 'contacts').split(','),
      });
    default:
      throw new Error(`unknown command "segment ${verb ?? ''}"\n${usage}`);
  }
};

const templateCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  const path = () => `/v1/templates/${encodeURIComponent(required(values.id, 'id'))}`;
  switch (verb) {
    case 'list':
      return callApi(api, 'GET', '/v1/templates');
    case 'get':
      return callApi(
        api,
        'GET',
        `${path()}${values.version ? `?version=${encodeURIComponent(values.version)}` : ''}`,
      );
    case 'versions':
      return callApi(api, 'GET', `${path()}/versions`);
    case 'save':
      return callApi(api, 'PUT', path(), json(readFileSync(required(values.file, 'file'), 'utf8'), '--file'));
    case 'preview':
      return callApi(api, 'POST', `${path()}/preview`, {
        contactId: required(values.contact, 'contact'),
        ...(values.locale ? { locale: values.locale } : {}),
        ...(values.data ? { data: json(values.data, '--data') } : {}),
        ...(values.version ? { version: Number(values.version) } : {}),
      });
    case 'install-defaults':
      return callApi(api, 'POST', '/v1/templates/defaults', { overwrite: values.overwrite === true });
    default:
      throw new Error(`unknown command "template ${verb ?? ''}"\n${usage}`);
  }
};

const emailCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  const template = required(values.template, 'template');
  const common = {
    contactId: required(values.contact, 'contact'),
    ...(values.version ? { version: z.coerce.number().int().positive().parse(values.version) } : {}),
    ...(values.data ? { data: json(values.data, '--data') } : {}),
  };
  switch (verb) {
    case 'send':
      return callApi(
        api,
        'POST',
        '/v1/emails',
        { ...common, templateId: template },
        values['idempotency-key'] ? { 'idempotency-key': values['idempotency-key'] } : {},
      );
    case 'test-send':
      return callApi(api, 'POST', `/v1/templates/${encodeURIComponent(template)}/test-send`, {
        ...common,
        to: required(values.to, 'to'),
      });
    default:
      throw new Error(`unknown command "email ${verb ?? ''}"\n${usage}`);
  }
};

const scoringCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  switch (verb) {
    case 'get':
      return callApi(api, 'GET', '/v1/scoring-model');
    case 'set':
      return callApi(
        api,
        'PUT',
        '/v1/scoring-model',
        json(readFileSync(required(values.file, 'file'), 'utf8'), '--file'),
      );
    default:
      throw new Error(`unknown command "scoring-model ${verb ?? ''}"\n${usage}`);
  }
};

const emailSettingsCommand = async (verb: string | undefined): Promise<unknown> => {
  const api = resolveApi({ local: values.local, api: values.api, key: values['api-key'] });
  switch (verb) {
    case 'get':
      return callApi(api, 'GET', '/v1/workspace/email-settings');
    case 'set':
      return callApi(
        api,
        'PUT',
        '/v1/workspace/email-settings',
        json(readFileSync(required(values.file, 'file'), 'utf8'), '--file'),
      );
    default:
      throw new Error(`unknown command "email-settings ${verb ?? ''}"\n${usage}`);
  }
};

main().then(
  (out) => {
    console.log(typeof out === 'string' ? out : JSON.stringify(out, null, 2));
  },
  (error: unknown) => {
    console.error(`ecrm: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
