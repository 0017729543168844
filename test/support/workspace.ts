/**
 * Each integration test works in its own random workspace, so tests can share one DynamoDB Local and
 * run in parallel without seeing each other's items.
 */
import { randomBytes } from 'node:crypto';

/** `ws_test_<16 hex chars>`: unique per call, lowercase, safe in keys, URLs and email local parts. */
export const randomWorkspaceId = (): string => `ws_test_${randomBytes(8).toString('hex')}`;
