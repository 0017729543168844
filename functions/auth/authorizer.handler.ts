/**
 * HTTP API Lambda authorizer (REQUEST type, simple responses): API key → workspace and scopes. API
 * Gateway caches the answer per Authorization header for the TTL in the function catalogue.
 */
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { authorize } from '../../lib/workspaces/api-keys.ts';
import { contactDeps } from '../shared/deps.ts';

export interface AuthorizerContext {
  [key: string]: string;
  workspaceId: string;
  keyId: string;
  scopes: string;
}

const header = (event: APIGatewayRequestAuthorizerEventV2): string | undefined => {
  const fromIdentity = event.identitySource?.[0];
  if (fromIdentity) return fromIdentity;
  const entry = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
  return entry?.[1];
};

export const handler = async (
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
  try {
    const principal = await authorize(header(event), contactDeps());
    return {
      isAuthorized: true,
      context: {
        workspaceId: principal.workspaceId,
        keyId: principal.keyId,
        scopes: principal.scopes.join(','),
      },
    };
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      return { isAuthorized: false, context: { workspaceId: '', keyId: '', scopes: '' } };
    }
    throw error;
  }
};
