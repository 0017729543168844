/**
 * `ecrm user list|invite|set-role|remove`: the people of a workspace and their roles (admin, marketer,
 * analyst), through the users API with an admin key. After a deploy, this is how the first admin is
 * invited: `ecrm user invite --email you@shop.example --role admin --api <url> --api-key <admin key>`.
 */
import { type ApiTarget, callApi } from './api-client.ts';

export interface UserFlags {
  readonly id?: string | undefined;
  readonly email?: string | undefined;
  readonly role?: string | undefined;
}

export const userUsage = `  user list   (the workspace's members and their roles)
  user invite --email <address> --role admin|marketer|analyst   (a new person gets an email with a temporary password)
  user set-role --id <user id> --role admin|marketer|analyst   (a workspace always keeps one admin)
  user remove --id <user id>`;

const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new Error(`--${flag} is required\n${userUsage}`);
  return value;
};

/** Every page of the members list, followed through `next`. */
const listAll = async (api: ApiTarget): Promise<{ users: unknown[] }> => {
  const users: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await callApi(
      api,
      'GET',
      `/v1/users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const listed = typeof page === 'object' && page !== null ? Reflect.get(page, 'users') : undefined;
    if (Array.isArray(listed)) users.push(...listed);
    const next = typeof page === 'object' && page !== null ? Reflect.get(page, 'next') : undefined;
    cursor = typeof next === 'string' ? next : undefined;
  } while (cursor);
  return { users };
};

export const userCommand = async (
  verb: string | undefined,
  flags: UserFlags,
  api: ApiTarget,
): Promise<unknown> => {
  switch (verb) {
    case 'list':
      return listAll(api);
    case 'invite':
      return callApi(api, 'POST', '/v1/users', {
        email: need(flags.email, 'email'),
        role: need(flags.role, 'role'),
      });
    case 'set-role':
      return callApi(api, 'PATCH', `/v1/users/${encodeURIComponent(need(flags.id, 'id'))}`, {
        role: need(flags.role, 'role'),
      });
    case 'remove':
      return callApi(api, 'DELETE', `/v1/users/${encodeURIComponent(need(flags.id, 'id'))}`);
    default:
      throw new Error(`unknown command "user ${verb ?? ''}"\n${userUsage}`);
  }
};
