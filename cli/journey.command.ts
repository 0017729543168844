/**
 * `ecrm journey ...`: journeys through the API: create from a JSON document, list, show (a version
 * with `--version`), update (a new version), start, pause, archive, delete a draft, dry-run; the
 * ready-made journeys listed (`ready-made`) and switched on (`enable <name> --set option=value`).
 */
import { readFileSync } from 'node:fs';
import { type ApiTarget, callApi } from './api-client.ts';

export interface JourneyFlags {
  readonly id?: string | undefined;
  readonly file?: string | undefined;
  readonly status?: string | undefined;
  readonly version?: string | undefined;
  readonly name?: string | undefined;
  /** `option=value` of `enable`, the value read as JSON when it is JSON (`20`, `null`), else as text. */
  readonly set?: readonly string[] | undefined;
}

export const journeyUsage = `  journey create --file <journey.json>      (the journey document: trigger, entry, goal, steps...)
  journey list [--status draft|live|paused|archived] | show --id <journey id> [--version <n>]
  journey report --id <journey id>          (runs entered, in progress, ended and why; goal revenue; emails per step)
  journey update --id <journey id> --file <journey.json>   (a new version; a live journey stays live)
  journey start | pause | archive | delete --id <journey id>   (delete: drafts only)
  journey dry-run --file <dry-run.json>     (the POST /v1/journeys/dry-run body: a journeyId or a definition,
      a contactId, start, trigger properties, events; the steps and emails it would take, nothing sent)
  journey ready-made                        (the ready-made journeys: what each does, its options and defaults)
  journey enable <name> [--set <option>=<value> ...] [--file <options.json>]
      (switch a ready-made journey on, e.g. enable abandoned-checkout --set reminderAfterHours=20)`;

const usageError = (message: string) => new Error(`${message}\n${journeyUsage}`);

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw usageError(`--${flag} is required`);
  return value;
};

const documentOf = (flags: JourneyFlags): unknown => {
  const text = readFileSync(required(flags.file, 'file'), 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('--file is not valid JSON');
  }
};

/** `--file` (a JSON object), then each `--set option=value` over it. */
const optionsOf = (flags: JourneyFlags): Record<string, unknown> => {
  const base = flags.file ? documentOf(flags) : {};
  if (typeof base !== 'object' || base === null || Array.isArray(base))
    throw new Error('--file must hold a JSON object of options');
  const options: Record<string, unknown> = { ...base };
  for (const pair of flags.set ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw usageError(`--set ${pair}: expected <option>=<value>`);
    const value = pair.slice(at + 1);
    let parsed: unknown = value;
    try {
      parsed = JSON.parse(value);
    } catch {
      // not JSON: the text itself (a time, an attribute name)
    }
    options[pair.slice(0, at)] = parsed;
  }
  return options;
};

const pageOf = (value: unknown): { journeys: unknown[]; next?: string } => {
  if (typeof value !== 'object' || value === null) throw new Error('the API answered no page of journeys');
  const journeys: unknown = Reflect.get(value, 'journeys');
  const next: unknown = Reflect.get(value, 'next');
  return { journeys: Array.isArray(journeys) ? journeys : [], ...(typeof next === 'string' ? { next } : {}) };
};

export const journeyCommand = async (
  verb: string | undefined,
  flags: JourneyFlags,
  api: ApiTarget,
  args: readonly string[] = [],
): Promise<unknown> => {
  const path = () => `/v1/journeys/${encodeURIComponent(required(flags.id, 'id'))}`;
  switch (verb) {
    case 'create':
      return callApi(api, 'POST', '/v1/journeys', documentOf(flags));
    case 'list': {
      const journeys: unknown[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '100' });
        if (flags.status) query.set('status', flags.status);
        if (cursor) query.set('cursor', cursor);
        const page = pageOf(await callApi(api, 'GET', `/v1/journeys?${query}`));
        journeys.push(...page.journeys);
        cursor = page.next;
      } while (cursor);
      return { journeys };
    }
    case 'show':
      return callApi(
        api,
        'GET',
        flags.version ? `${path()}/versions/${encodeURIComponent(flags.version)}` : path(),
      );
    case 'report':
      return callApi(api, 'GET', `${path()}/report`);
    case 'update':
      return callApi(api, 'PUT', path(), documentOf(flags));
    case 'start':
    case 'pause':
    case 'archive':
      return callApi(api, 'POST', `${path()}/${verb}`, {});
    case 'dry-run':
      return callApi(api, 'POST', '/v1/journeys/dry-run', documentOf(flags));
    case 'ready-made':
      return callApi(api, 'GET', '/v1/journeys/ready-made');
    case 'enable': {
      const name = required(args[0] ?? flags.name, 'name');
      return callApi(api, 'POST', `/v1/journeys/ready-made/${encodeURIComponent(name)}`, optionsOf(flags));
    }
    case 'delete':
      await callApi(api, 'DELETE', path());
      return { deleted: flags.id };
    default:
      throw usageError(`unknown journey command ${verb ?? ''}`);
  }
};
