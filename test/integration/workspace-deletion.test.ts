/**
 * Deleting a workspace with all its data: keys stop at once, every item under its prefix goes, a
 * neighbour's data stays, and a run killed halfway resumes where it stopped.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { recordOnContact } from '../../lib/events/record-on-contact.ts';
import { ScanCommand } from '../../lib/shared/dynamodb/commands.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { keys } from '../../lib/shared/keys.ts';
import { connectionsRepository } from '../../lib/webhooks/connections.repository.ts';
import { issueApiKey } from '../../lib/workspaces/api-keys.ts';
import { authenticator } from '../../lib/workspaces/authenticate.ts';
import { type DeletionProgress, deleteWorkspace } from '../../lib/workspaces/delete-workspace.ts';
import { workspaceDeletionRepository } from '../../lib/workspaces/workspace-deletion.repository.ts';
import { useLocalServices } from '../support/env.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

const run = promisify(execFile);

/** How many items the workspace holds, by the same prefix rule as the deletion (a full scan). */
const itemsOf = async (deps: RealDeps, ws: string): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.table.client.send(
      new ScanCommand({
        TableName: deps.table.name,
        FilterExpression: 'pk = :ws OR begins_with(pk, :child)',
        ExpressionAttributeValues: {
          ':ws': keys.workspacePartition(ws),
          ':child': keys.workspaceChildPrefix(ws),
        },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
};

/** A workspace with a key, contacts (lookups, listing), timeline entries and a storefront link. */
const populated = async (deps: RealDeps, contacts: number) => {
  const ws = await newWorkspace(deps);
  const { token } = await issueApiKey({ workspaceId: ws, name: 'ops', scopes: ['admin'] }, deps);
  for (let i = 0; i < contacts; i++) {
    const { contact } = await upsertContact(ws, { email: `p${i}@${ws}.example` }, 'test', deps);
    await recordOnContact(
      ws,
      contact.id,
      {
        eventId: `e-${i}`,
        name: 'page_viewed',
        kind: 'track',
        occurredAt: new Date().toISOString(),
        properties: {},
      },
      deps,
    );
    await deps.links.save(ws, {
      type: 'storefrontLink',
      v: 1,
      contactId: contact.id,
      connectionId: 'cn_test',
      customerId: `cust-${i}`,
      updatedAt: '',
    });
  }
  return { ws, token };
};

const deletionDeps = (deps: RealDeps) => ({
  ...deps,
  connections: connectionsRepository(deps.table),
  deletion: workspaceDeletionRepository(deps.table),
});

describe('workspace deletion', () => {
  it('stops the keys at once, deletes every item, keeps the neighbour, and resumes after a kill', async () => {
    const deps = realDeps();
    const doomed = await populated(deps, 12);
    const neighbour = await populated(deps, 3);
    const before = await itemsOf(deps, doomed.ws);
    const neighbourBefore = await itemsOf(deps, neighbour.ws);
    expect(before).toBeGreaterThan(40);

    // Killed after its second checkpoint.
    let calls = 0;
    const killed = deleteWorkspace(doomed.ws, deletionDeps(deps), {
      segments: 3,
      pageSize: 25,
      onProgress: () => {
        calls += 1;
        if (calls === 2) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    await expect(authenticator(deps, { ttlMs: 0 }).authenticate(doomed.token)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect((await deps.workspaces.get(doomed.ws))?.deletingSince).toBeTypeOf('string');
    const midway = await workspaceDeletionRepository(deps.table).get(doomed.ws);
    expect(midway?.status).toBe('running');
    expect(midway?.segments.some((s) => s.scanned > 0)).toBe(true);

    const seen: DeletionProgress[] = [];
    const summary = await deleteWorkspace(doomed.ws, deletionDeps(deps), {
      pageSize: 500,
      onProgress: (p) => {
        seen.push(p);
      },
    });
    expect(summary.status).toBe('deleted');
    expect(summary.segments).toBe(3); // the resumed run kept its own segmentation
    expect(summary.deleted).toBe(before);
    expect(seen.at(-1)?.segmentsDone).toBe(3);
    expect(await itemsOf(deps, doomed.ws)).toBe(0);
    expect(await deps.workspaces.get(doomed.ws)).toBeUndefined();

    expect(await itemsOf(deps, neighbour.ws)).toBe(neighbourBefore);
    expect((await authenticator(deps, { ttlMs: 0 }).authenticate(neighbour.token)).workspaceId).toBe(
      neighbour.ws,
    );

    const again = await deleteWorkspace(doomed.ws, deletionDeps(deps));
    expect(again.status).toBe('already deleted');
    const swept = await deleteWorkspace(doomed.ws, deletionDeps(deps), { again: true, pageSize: 500 });
    expect(swept).toMatchObject({ status: 'deleted', deleted: 0 });
  });

  it('a workspace id that is a prefix of another deletes only its own items', async () => {
    const deps = realDeps();
    const short = await populated(deps, 1);
    const longer = `${short.ws}x`;
    await deps.workspaces.create({
      type: 'workspace',
      v: 1,
      id: longer,
      name: 'longer',
      createdAt: new Date().toISOString(),
      settings: { timelineRetentionDays: 30 },
    });
    await upsertContact(longer, { email: 'keep@longer.example' }, 'test', deps);
    const kept = await itemsOf(deps, longer);
    await deleteWorkspace(short.ws, deletionDeps(deps), { pageSize: 500 });
    expect(await itemsOf(deps, short.ws)).toBe(0);
    expect(await itemsOf(deps, longer)).toBe(kept);
  });

  it('the CLI deletes a workspace and reports its progress', async () => {
    const deps = realDeps();
    const { ws } = await populated(deps, 2);
    const services = useLocalServices();
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/ecrm.ts',
        'workspace',
        'delete',
        '--id',
        ws,
        '--segments',
        '2',
        '--table',
        services.tableName,
      ],
      { env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: services.dynamodbEndpoint } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ workspaceId: ws, status: 'deleted', segments: 2 });
    expect(stderr).toMatch(/items deleted, \d+ scanned, 2\/2 segments done/);
    expect(await itemsOf(deps, ws)).toBe(0);
  });
});
