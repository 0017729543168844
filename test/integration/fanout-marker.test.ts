/**
 * The fan-out marker on DynamoDB Local: a new workspace needs neither optional consumer; its count of
 * outgoing webhook endpoints follows creates and deletes exactly, even when they run in parallel (each
 * moves the count in its own transaction); a journey going live sets `journeys`, which stays set when
 * the journey is paused or archived; a workspace from before the marker needs every consumer.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Journey, newJourneyId } from '../../lib/journeys/journey.schema.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import { type Endpoint, newEndpointId } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { endpointsRepository } from '../../lib/outgoing-webhooks/endpoints.repository.ts';
import { GetCommand, PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import { fanoutRepository } from '../../lib/shared/events/fanout.repository.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { completeFanoutMarker } from '../../lib/workspaces/complete-fanout-marker.ts';
import { useLocalServices } from '../support/env.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
beforeAll(() => {
  real = realDeps();
});

const AT = '2026-11-30T10:00:00.000Z';
const markerOf = async (workspaceId: string) =>
  (await fanoutRepository(real.table).read([workspaceId])).get(workspaceId);
const countOf = async (workspaceId: string) => {
  const { Item } = await real.table.client.send(
    new GetCommand({ TableName: real.table.name, Key: keys.fanoutMarker(workspaceId), ConsistentRead: true }),
  );
  return Item?.webhookEndpoints;
};

const endpoint = (workspaceId: string, i: number): Endpoint => ({
  type: 'webhookEndpoint',
  v: 1,
  id: newEndpointId(new Date(Date.parse(AT) + i)),
  workspaceId,
  url: 'https://hooks.example.com/ecrm',
  eventTypes: ['order.placed'],
  status: i % 2 ? 'disabled' : 'enabled',
  secrets: [{ id: 's1', sealed: 'sealed', hint: 'abcd', createdAt: AT }],
  createdAt: AT,
  updatedAt: AT,
  rev: 0,
});

const definition = journeyDefinitionSchema.parse({
  name: 'Welcome',
  trigger: { type: 'event', event: 'order.placed' },
  steps: [{ id: 'hello', type: 'email', template: { templateId: 'welcome' } }],
});
const draft = (workspaceId: string, i: number): Journey => ({
  type: 'journey',
  v: 1,
  id: newJourneyId(new Date(Date.parse(AT) + i)),
  workspaceId,
  name: `Welcome ${i}`,
  status: 'draft',
  version: 1,
  trigger: 'event',
  createdAt: AT,
  updatedAt: AT,
  rev: 0,
});
const moved = (j: Journey, status: Journey['status']): Journey => ({ ...j, status, rev: j.rev + 1 });

describe('the fan-out marker: outgoing webhook endpoints', () => {
  it('says no consumer for a new workspace, and hooks while it has an endpoint of any status', async () => {
    const ws = await newWorkspace(real);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: false });
    const endpoints = endpointsRepository(real.table);
    const disabled = endpoint(ws, 1);
    expect(await endpoints.create(disabled)).toBe(true);
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: false });
    // A second create of the same id writes nothing, its count included.
    expect(await endpoints.create(disabled)).toBe(false);
    expect(await countOf(ws)).toBe(1);
    // A delete at a stale rev writes nothing either.
    expect(await endpoints.remove(ws, disabled.id, 7)).toBe(false);
    expect(await countOf(ws)).toBe(1);
    expect(await endpoints.remove(ws, disabled.id, 0)).toBe(true);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: false });
    expect(await countOf(ws)).toBe(0);
  });

  it('keeps the count exact under parallel creates and deletes', async () => {
    const ws = await newWorkspace(real);
    const endpoints = endpointsRepository(real.table);
    const made = Array.from({ length: 12 }, (_, i) => endpoint(ws, i));
    expect(new Set(made.map((e) => e.id)).size).toBe(made.length);
    expect(await Promise.all(made.map((e) => endpoints.create(e)))).toEqual(made.map(() => true));
    expect(await countOf(ws)).toBe(12);
    // Half go while as many new ones come, all at once; each delete also races a duplicate of itself.
    const gone = made.slice(0, 6);
    const more = Array.from({ length: 6 }, (_, i) => endpoint(ws, 100 + i));
    const results = await Promise.all([
      ...gone.flatMap((e) => [endpoints.remove(ws, e.id, 0), endpoints.remove(ws, e.id, 0)]),
      ...more.map((e) => endpoints.create(e)),
    ]);
    expect(results.filter((r) => r === true)).toHaveLength(gone.length + more.length);
    expect(await countOf(ws)).toBe(12);
    expect((await endpoints.all(ws)).length).toBe(12);
    // Every one deleted at once: the marker says no endpoint.
    const left = await endpoints.all(ws);
    expect(await Promise.all(left.map((e) => endpoints.remove(ws, e.id, e.rev)))).toEqual(
      left.map(() => true),
    );
    expect(await countOf(ws)).toBe(0);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: false });
  });
});

describe('the fan-out marker: completing it after an upgrade', () => {
  /** An endpoint stored the way the code before the marker stored it: not counted. */
  const storedUncounted = (e: Endpoint) =>
    real.table.client.send(
      new PutCommand({
        TableName: real.table.name,
        Item: { ...keys.webhookEndpoint(e.workspaceId, e.id), ...e },
      }),
    );
  const deps = () => ({
    fanout: fanoutRepository(real.table),
    endpoints: endpointsRepository(real.table),
    journeys: journeysRepository(real.table),
  });

  it('counts the endpoints and live journeys of a workspace from before the marker, then skips it', async () => {
    const ws = `ws_t${randomToken(8)}`;
    const endpoints = endpointsRepository(real.table);
    await storedUncounted(endpoint(ws, 0));
    await endpoints.create(endpoint(ws, 1)); // created after the upgrade: counted, but not all are
    const journeys = journeysRepository(real.table);
    const j = draft(ws, 0);
    await real.table.client.send(
      new PutCommand({
        TableName: real.table.name,
        Item: { ...keys.journey(ws, j.id), ...j, status: 'paused' },
      }),
    );
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: true });
    expect(await completeFanoutMarker(ws, deps())).toEqual({ workspaceId: ws, outcome: 'completed' });
    expect(await countOf(ws)).toBe(2);
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: true });
    expect(await completeFanoutMarker(ws, deps())).toEqual({ workspaceId: ws, outcome: 'already' });
    // Exact from now on: with its endpoints gone, the workspace no longer feeds deliver-webhooks.
    for (const e of await endpoints.all(ws)) await endpoints.remove(ws, e.id, e.rev);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: true });
    expect((await journeys.list(ws, { limit: 5 })).journeys).toHaveLength(1);
  });

  it('is run from the command line for one workspace', async () => {
    const ws = `ws_t${randomToken(8)}`;
    await storedUncounted(endpoint(ws, 0));
    const services = useLocalServices();
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/ecrm.ts',
        'workspace',
        'fanout-markers',
        '--workspace',
        ws,
        '--table',
        services.tableName,
      ],
      { env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: services.dynamodbEndpoint } },
    );
    expect(JSON.parse(stdout)).toEqual({ workspaces: [{ workspaceId: ws, outcome: 'completed' }] });
    expect(stderr).toContain(`${ws}: completed`);
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: false });
  });

  it('says no consumer for a workspace from before the marker that has neither', async () => {
    const ws = `ws_t${randomToken(8)}`;
    expect(await completeFanoutMarker(ws, deps())).toEqual({ workspaceId: ws, outcome: 'completed' });
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: false });
  });

  it('ends with the exact count while endpoints are created and deleted at the same time', async () => {
    const ws = `ws_t${randomToken(8)}`;
    const endpoints = endpointsRepository(real.table);
    const old = Array.from({ length: 4 }, (_, i) => endpoint(ws, i));
    for (const e of old) await storedUncounted(e);
    await Promise.all([
      completeFanoutMarker(ws, deps()),
      ...Array.from({ length: 5 }, (_, i) => endpoints.create(endpoint(ws, 10 + i))),
      endpoints.remove(ws, old[0]?.id ?? '', 0),
    ]);
    expect(await countOf(ws)).toBe((await endpoints.all(ws)).length);
    expect(await countOf(ws)).toBe(8);
  });
});

describe('the fan-out marker: journeys', () => {
  it('sets journeys when a journey goes live, and keeps it through pause and archive', async () => {
    const ws = await newWorkspace(real);
    const journeys = journeysRepository(real.table);
    const j = draft(ws, 0);
    await journeys.create(j, definition);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: false });
    const live = moved(j, 'live');
    await journeys.replace(live, j);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: true });
    const paused = moved(live, 'paused');
    await journeys.replace(paused, live);
    const archived = moved(paused, 'archived');
    await journeys.replace(archived, paused);
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: true });
  });

  it('lets several journeys go live at once (their transactions share the marker)', async () => {
    const ws = await newWorkspace(real);
    const journeys = journeysRepository(real.table);
    const drafts = Array.from({ length: 6 }, (_, i) => draft(ws, i));
    await Promise.all(drafts.map((j) => journeys.create(j, definition)));
    await Promise.all(drafts.map((j) => journeys.replace(moved(j, 'live'), j)));
    expect(new Set((await journeys.list(ws, { limit: 10 })).journeys.map((j) => j.status))).toEqual(
      new Set(['live']),
    );
    expect(await markerOf(ws)).toEqual({ hooks: false, journeys: true });
  });
});

describe('the fan-out marker: workspaces from before it', () => {
  it('needs every consumer until its counts are complete, even after an endpoint came and went', async () => {
    const ws = `ws_t${randomToken(8)}`; // made without its marker, as before the marker existed
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: true });
    const endpoints = endpointsRepository(real.table);
    const e = endpoint(ws, 0);
    await endpoints.create(e);
    await endpoints.remove(ws, e.id, 0);
    expect(await markerOf(ws)).toEqual({ hooks: true, journeys: true });
  });

  it('reads the markers of many workspaces in one call, each its own', async () => {
    const [a, b] = [await newWorkspace(real), await newWorkspace(real)];
    await endpointsRepository(real.table).create(endpoint(a, 0));
    const old = `ws_t${randomToken(8)}`;
    const read = await fanoutRepository(real.table).read([a, b, old, a]);
    expect(Object.fromEntries(read)).toEqual({
      [a]: { hooks: true, journeys: false },
      [b]: { hooks: false, journeys: false },
      [old]: { hooks: true, journeys: true },
    });
  });
});
