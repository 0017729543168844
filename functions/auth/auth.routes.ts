/**
 * Sign-in of people for the console (OAuth 2.0 authorization code with PKCE against the user pool).
 * Public routes: each handles its own cookies. The session is the access token in the HttpOnly,
 * SameSite=Strict `ecrm_session` cookie (Path=/); the refresh token in `ecrm_refresh` (Path=/auth).
 */
import * as z from 'zod';
import { errorResponses } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { roleSchema } from '../../lib/users/roles.ts';

const tag = 'auth';
const errorBody = errorResponses[401].schema;
const unauthorized = { 401: { description: 'not signed in, or the session has expired', schema: errorBody } };

export const authLoginRoute = defineRoute({
  operationId: 'authLogin',
  method: 'GET',
  path: '/auth/login',
  scope: 'public',
  tag,
  summary:
    'Start signing in: redirects to the user pool’s sign-in page (code flow, S256 PKCE, state), in the language `lang`, then back to `returnTo` (a path on this origin; anything else returns to `/`).',
  query: z.object({
    returnTo: z.string().max(4096).optional(),
    // Any string is accepted and an unknown one dropped (the page then speaks the pool's default).
    lang: z
      .string()
      .max(4096)
      .optional()
      .describe(
        'the console’s locale (en, es, fr, it, zh-Hant): the sign-in page’s language; any other value is ignored',
      ),
  }),
  responses: {
    302: {
      description:
        'Location: the sign-in page. Set-Cookie: `ecrm_oauth` (the state and PKCE verifier; HttpOnly, SameSite=Lax, Path=/auth, 10 minutes).',
      headers: { location: 'the user pool’s /oauth2/authorize URL', 'set-cookie': 'ecrm_oauth' },
    },
  },
});

export const authCallbackRoute = defineRoute({
  operationId: 'authCallback',
  method: 'GET',
  path: '/auth/callback',
  scope: 'public',
  tag,
  summary:
    'Where the sign-in page returns: checks the state, exchanges the code (with the PKCE verifier), verifies the access token and sets the session.',
  query: z.object({
    code: z.string().max(2048).optional(),
    state: z.string().max(512).optional(),
    error: z.string().max(512).optional(),
    error_description: z.string().max(2048).optional(),
  }),
  responses: {
    302: {
      description:
        'Location: the `returnTo` of the sign-in. Set-Cookie: `ecrm_session` (the access token; HttpOnly, SameSite=Strict, Path=/), `ecrm_refresh` (HttpOnly, SameSite=Strict, Path=/auth), and `ecrm_oauth` cleared.',
      headers: {
        location: 'the path the sign-in started from',
        'set-cookie': 'ecrm_session, ecrm_refresh, ecrm_oauth (cleared)',
      },
    },
    400: {
      description:
        'no sign-in in progress in this browser, a state that does not match, or a refused sign-in',
      schema: errorBody,
    },
    ...unauthorized,
  },
});

export const authRefreshRoute = defineRoute({
  operationId: 'authRefresh',
  method: 'POST',
  path: '/auth/refresh',
  scope: 'public',
  tag,
  summary: 'A new session (access token) from the refresh cookie, before or after the old one expires.',
  responses: {
    204: {
      description: 'Set-Cookie: a new `ecrm_session`.',
      headers: { 'set-cookie': 'ecrm_session' },
    },
    401: { description: 'no refresh cookie, or the user pool refused it: sign in again', schema: errorBody },
  },
});

export const authLogoutRoute = defineRoute({
  operationId: 'authLogout',
  method: 'POST',
  path: '/auth/logout',
  scope: 'public',
  tag,
  summary:
    'Sign out: clears the session cookies; the browser then goes to `logoutUrl` to end the user pool’s own session.',
  responses: {
    200: {
      description: 'Set-Cookie: `ecrm_session` and `ecrm_refresh` cleared.',
      schema: z.strictObject({ logoutUrl: z.string().describe('the user pool’s logout URL') }),
      headers: { 'set-cookie': 'ecrm_session, ecrm_refresh (cleared)' },
    },
  },
});

export const authMeRoute = defineRoute({
  operationId: 'authMe',
  method: 'GET',
  path: '/auth/me',
  scope: 'public',
  tag,
  summary:
    'The signed-in person (the `ecrm_session` cookie, renewed from the refresh cookie when it has expired, or a bearer access token) and the workspaces they belong to, with their role in each; `user: null` when nobody is signed in.',
  responses: {
    200: {
      description: 'the user and their memberships, or `user: null` and no memberships when signed out',
      schema: z.strictObject({
        user: z.strictObject({ id: z.string(), email: z.string() }).nullable(),
        memberships: z.array(
          z.strictObject({ workspaceId: z.string(), workspaceName: z.string(), role: roleSchema }),
        ),
      }),
    },
    ...unauthorized,
  },
});
