/**
 * The CLI's HTTP client for commands that go through the API (connections need the API's sealing of
 * secrets): the local stack's URL and demo admin key with --local, or --api/--key (ECRM_API_URL,
 * ECRM_API_KEY) for a deployment.
 */
import { readStackInfo } from './target.ts';

export interface ApiTarget {
  readonly url: string;
  readonly key: string;
}

export const resolveApi = (options: {
  local?: boolean | undefined;
  api?: string | undefined;
  key?: string | undefined;
}): ApiTarget => {
  if (options.local) {
    const info = readStackInfo();
    return { url: info.apiUrl, key: options.key ?? info.demo.apiKey };
  }
  const url = options.api ?? process.env.ECRM_API_URL;
  const key = options.key ?? process.env.ECRM_API_KEY;
  if (!url || !key)
    throw new Error('say where: --local, or --api <url> --key <admin key> (or ECRM_API_URL / ECRM_API_KEY)');
  return { url: url.replace(/\/$/, ''), key };
};

export const callApi = async (
  target: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<unknown> => {
  const res = await fetch(`${target.url}${path}`, {
    method,
    headers: { ...headers, authorization: `Bearer ${target.key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return parsed;
};
