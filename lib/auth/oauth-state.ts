/**
 * The short-lived `ecrm_oauth` cookie between `/auth/login` and `/auth/callback`: the state (compared
 * with the callback's, so a callback this browser did not start is refused), the PKCE verifier (sent
 * only to the token endpoint, from the server) and where to return. HttpOnly: script never sees it.
 */
import * as z from 'zod';
import { isSafeReturnTo } from './return-to.ts';

const flow = z.strictObject({
  state: z.string().min(32).max(128),
  verifier: z.string().min(43).max(128),
  returnTo: z.string().refine(isSafeReturnTo),
});
export type OAuthFlow = z.infer<typeof flow>;

/** Ten minutes to sign in. */
export const OAUTH_FLOW_SECONDS = 600;

export const encodeFlow = (value: OAuthFlow): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export const decodeFlow = (cookie: string | undefined): OAuthFlow | undefined => {
  if (!cookie || !/^[A-Za-z0-9_-]{1,2048}$/.test(cookie)) return undefined;
  try {
    const parsed = flow.safeParse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
