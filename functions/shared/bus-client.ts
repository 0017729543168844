/**
 * The ecrm bus client, for the few functions that put events themselves (the outbox relay). Apart from
 * deps.ts so that functions which never publish do not load the EventBridge SDK at cold start.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Bus } from '../../lib/shared/events/publisher.ts';
import { config } from './config.ts';
import { once } from './deps.ts';

export const bus = once((): Bus => ({ client: new EventBridgeClient({}), name: config('bus').BUS_NAME }));
