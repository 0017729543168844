/**
 * `ecrm journey ...`: journeys through the API: create from a JSON document, list, show (a version
 * with `--version`), update (a new version), start, pause, archive, delete a draft, dry-run.
 */
import { readFileSync } from 'node:fs';
import { type ApiTarget, callApi } from './api-client.ts';

export interface JourneyFlags {
  readonly id?: string | undefined;
  readonly file?: string | undefined;
  readonly status?: string | undefined;
  readonly version?: string | undefined;
}

export const journeyUsage = `  journey create --file <journey.json>      (the journey document: trigger, entry, goal, steps...)
  journey list [--status draft|live|paused|archived] | show --id <journey id> [--version <n>]
  journey update --id <journey id> --file <journey.json>   (a new version; a live journey stays live)
  journey start | pause | archive | delete --id <journey id>   (delete: drafts only)
  journey dry-run --file <dry-run.json>     (the POST /v1/journeys/dry-run body: a journeyId or a definition,
      a contactId, start, trigger properties, events; the steps and emails it would take, nothing sent)`;

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
    case 'update':
      return callApi(api, 'PUT', path(), documentOf(flags));
    case 'start':
    case 'pause':
    case 'archive':
      return callApi(api, 'POST', `${path()}/${verb}`, {});
    case 'dry-run':
      return callApi(api, 'POST', '/v1/journeys/dry-run', documentOf(flags));
    case 'delete':
      await callApi(api, 'DELETE', path());
      return { deleted: flags.id };
    default:
      throw usageError(`unknown journey command ${verb ?? ''}`);
  }
};
