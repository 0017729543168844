/**
 * `ecrm campaign ...`: campaigns through the API: create a draft, list, show, edit, schedule, start,
 * pause, resume, cancel; watch one send (campaign-watch.ts) and read its results. Creating and starting take `--idempotency-key` (the same key sent again,
 * e.g. after a timeout, creates or starts once).
 */
import { readFileSync } from 'node:fs';
import { type ApiTarget, callApi } from './api-client.ts';
import { watchCampaign } from './campaign-watch.ts';

export interface CampaignFlags {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly template?: string | undefined;
  readonly version?: string | undefined;
  readonly include?: string | undefined;
  readonly exclude?: string | undefined;
  readonly condition?: string | undefined;
  readonly topic?: string | undefined;
  readonly utm?: string | undefined;
  readonly 'sender-domain'?: string | undefined;
  readonly file?: string | undefined;
  readonly status?: string | undefined;
  readonly at?: string | undefined;
  readonly 'time-zone'?: string | undefined;
  readonly date?: string | undefined;
  readonly time?: string | undefined;
  readonly 'idempotency-key'?: string | undefined;
  /** Seconds between two polls of `watch`. */
  readonly interval?: string | undefined;
}

export const campaignUsage = `  campaign create --name <label> --template <template id> [--version <n>]
      (--include <segment id,...> [--exclude <segment id,...>] | --condition '<json>')
      [--topic <topic id>] [--utm source=ecrm,medium=email,campaign=<name>] [--sender-domain <domain>]
      [--idempotency-key <key>]          (or --file <campaign.json>: the POST /v1/campaigns body)
  campaign list [--status draft|scheduled|sending|paused|sent|cancelled|failed] | show --id <campaign id>
  campaign update --id <campaign id> --file <changes.json>   (draft or scheduled only; an A/B test: "abTest")
  campaign schedule --id <campaign id> (--at YYYY-MM-DDTHH:mm --time-zone <IANA zone> | --date YYYY-MM-DD --time HH:mm)
      (--date/--time: at that time in each recipient's own zone)
  campaign unschedule | start [--idempotency-key <key>] | pause | resume | cancel | delete --id <campaign id>
  campaign watch <campaign id> [--interval <seconds>]   (live progress on stderr until sent, cancelled,
      failed or paused; the last progress as JSON on stdout; exit 1 if it failed; default interval 2 s,
      longer for big campaigns: each poll reads the whole campaign)
  campaign progress | results --id <campaign id>   (results: outcomes, rates, links, revenue, AWS cost)`;

const usageError = (message: string) => new Error(`${message}\n${campaignUsage}`);

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw usageError(`--${flag} is required`);
  return value;
};

const json = (text: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
};

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** `source=ecrm,medium=email,campaign=winter` → `{ source, medium, campaign }` (checked by the API). */
const utmOf = (value: string) =>
  Object.fromEntries(
    list(value).map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw usageError(`--utm takes name=value pairs, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );

const createBody = (flags: CampaignFlags): unknown => {
  if (flags.file) return json(readFileSync(flags.file, 'utf8'), '--file');
  if (!flags.include === !flags.condition)
    throw usageError('give the audience: --include <segments> or --condition');
  return {
    name: required(flags.name, 'name'),
    template: {
      templateId: required(flags.template, 'template'),
      ...(flags.version ? { version: Number(flags.version) } : {}),
    },
    audience: flags.include
      ? { segments: { include: list(flags.include), exclude: flags.exclude ? list(flags.exclude) : [] } }
      : { condition: json(flags.condition ?? '', '--condition') },
    ...(flags.topic ? { topic: flags.topic } : {}),
    ...(flags.utm ? { utm: utmOf(flags.utm) } : {}),
    ...(flags['sender-domain'] ? { senderDomain: flags['sender-domain'] } : {}),
  };
};

const scheduleBody = (flags: CampaignFlags): unknown => {
  if (flags.at) return { type: 'at', at: flags.at, timeZone: required(flags['time-zone'], 'time-zone') };
  if (flags.date) return { type: 'recipientLocal', date: flags.date, time: required(flags.time, 'time') };
  throw usageError('give --at and --time-zone, or --date and --time');
};

const keyHeader = (flags: CampaignFlags): Record<string, string> =>
  flags['idempotency-key'] ? { 'idempotency-key': flags['idempotency-key'] } : {};

const listPage = (value: unknown): { campaigns: unknown[]; next?: string } => {
  if (typeof value !== 'object' || value === null) throw new Error('the API answered no page of campaigns');
  const campaigns: unknown = Reflect.get(value, 'campaigns');
  const next: unknown = Reflect.get(value, 'next');
  return {
    campaigns: Array.isArray(campaigns) ? campaigns : [],
    ...(typeof next === 'string' ? { next } : {}),
  };
};

const interval = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.2 || seconds > 3600)
    throw usageError('--interval is a number of seconds from 0.2 to 3600');
  return seconds * 1000;
};

/** `args`: the words after the verb (`campaign watch <id>`). */
export const campaignCommand = async (
  verb: string | undefined,
  flags: CampaignFlags,
  api: ApiTarget,
  args: readonly string[] = [],
): Promise<unknown> => {
  const id = flags.id ?? args[0];
  const path = () => `/v1/campaigns/${encodeURIComponent(required(id, 'id'))}`;
  switch (verb) {
    case 'create':
      return callApi(api, 'POST', '/v1/campaigns', createBody(flags), keyHeader(flags));
    case 'list': {
      const campaigns: unknown[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '100' });
        if (flags.status) query.set('status', flags.status);
        if (cursor) query.set('cursor', cursor);
        const page = listPage(await callApi(api, 'GET', `/v1/campaigns?${query}`));
        campaigns.push(...page.campaigns);
        cursor = page.next;
      } while (cursor);
      return { campaigns };
    }
    case 'show':
      return callApi(api, 'GET', path());
    case 'update':
      return callApi(
        api,
        'PATCH',
        path(),
        json(readFileSync(required(flags.file, 'file'), 'utf8'), '--file'),
      );
    case 'schedule':
      return callApi(api, 'POST', `${path()}/schedule`, scheduleBody(flags));
    case 'start':
      return callApi(api, 'POST', `${path()}/start`, {}, keyHeader(flags));
    case 'unschedule':
    case 'pause':
    case 'resume':
    case 'cancel':
      return callApi(api, 'POST', `${path()}/${verb}`, {});
    case 'delete':
      await callApi(api, 'DELETE', path());
      return { deleted: id };
    case 'progress':
      return callApi(api, 'GET', `${path()}/progress`);
    case 'results':
      return callApi(api, 'GET', `${path()}/results`);
    case 'watch': {
      const url = `${path()}/progress`;
      const last = await watchCampaign({
        progress: () => callApi(api, 'GET', url),
        write: (text) => process.stderr.write(text),
        tty: process.stderr.isTTY === true,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        intervalMs: interval(flags.interval),
        now: () => new Date(),
      });
      if (last.status === 'failed') process.exitCode = 1;
      return last;
    }
    default:
      throw usageError(`unknown command "campaign ${verb ?? ''}"`);
  }
};
