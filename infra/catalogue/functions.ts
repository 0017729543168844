/**
 * Every Lambda function of ecrm, declared once. The CDK app builds one function per entry with the
 * trigger and grants declared here; the local stack wires the same handlers to its HTTP server, bus,
 * stream poller and scheduler.
 */
import { patternFor } from '../../lib/shared/events/catalogue.ts';
import type { FunctionSpec } from './types.ts';

export const functions: readonly FunctionSpec[] = [
  {
    name: 'authorizer',
    entry: 'functions/auth/authorizer.handler.ts',
    description: 'Resolves an API key to its workspace and scopes for the HTTP API.',
    trigger: { kind: 'authorizer', cacheTtlSeconds: 60 },
    access: { table: 'read' },
  },
  {
    name: 'outbox-relay',
    entry: 'functions/outbox/relay.handler.ts',
    description: 'Publishes the domain events stored with each write (table stream) to the ecrm bus.',
    trigger: { kind: 'stream', batchSize: 100 },
    access: { bus: 'put' },
  },
  {
    name: 'record-event',
    entry: 'functions/events/record-event.handler.ts',
    description: 'Attaches a received track event to its contact timeline and rolls it up on the contact.',
    trigger: { kind: 'event', pattern: patternFor('track.received') },
    access: { table: 'readWrite' },
  },
];
