/** The operator's CLI against DynamoDB Local, as a separate process with the real SDK. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { scoreStateSchema } from '../../lib/scoring/score-state.schema.ts';
import { emptyScoreState } from '../../lib/scoring/score-state.ts';
import { parseScoringModel } from '../../lib/scoring/scoring-model.schema.ts';
import { UnauthorizedError } from '../../lib/shared/errors.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { authenticator } from '../../lib/workspaces/authenticate.ts';
import { useLocalServices } from '../support/env.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const run = promisify(execFile);

const ecrm = async (...args: string[]) => {
  const services = useLocalServices();
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'cli/ecrm.ts', ...args, '--table', services.tableName],
    {
      env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: services.dynamodbEndpoint },
    },
  );
  return JSON.parse(stdout) as unknown;
};

const get = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined;

describe('ecrm CLI', () => {
  it('creates a workspace, issues a working key shown once, lists and revokes it', async () => {
    const ws = `ws_cli${randomToken(6)}`;
    expect(get(await ecrm('workspace', 'create', '--id', ws, '--name', 'CLI shop'), 'workspace')).toBe(ws);
    const issued = await ecrm('key', 'issue', '--workspace', ws, '--name', 'ops', '--scopes', 'admin,read');
    const token = String(get(issued, 'token'));
    const deps = realDeps();
    const authorize = (header: string) => authenticator(deps, { ttlMs: 0 }).authenticate(header);
    expect((await authorize(token)).scopes).toEqual(['admin', 'read']);

    const listed = await ecrm('key', 'list', '--workspace', ws);
    expect(JSON.stringify(listed)).not.toContain(token.split('.')[3]);
    await ecrm('key', 'revoke', '--workspace', ws, '--key', String(get(issued, 'id')));
    await expect(authorize(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('counts ledgers scored before the score distribution, once, resumable from a position', async () => {
    const deps = realDeps();
    const ws = await newWorkspace(deps);
    const made = await upsertContact(ws, upsertContactBody.parse({ email: 'old@cli.example' }), 'api', deps);
    const ledger = scoreStateSchema.parse({
      ...emptyScoreState(parseScoringModel({})),
      points: 42,
      score: 42,
    });
    await deps.contacts.replace(
      { ...made.contact, score: ledger, rev: made.contact.rev + 1 },
      made.contact,
      undefined,
    );
    expect(await ecrm('scoring', 'recount', '--workspace', ws)).toEqual({
      workspace: ws,
      read: 1,
      counted: 1,
    });
    expect(await ecrm('scoring', 'recount', '--workspace', ws, '--from', '0')).toMatchObject({ counted: 0 });
    expect((await deps.contacts.get(ws, made.contact.id))?.score?.counted).toBe(true);
    await expect(ecrm('scoring', 'recount', '--workspace', ws, '--from', '99')).rejects.toThrow(
      /16|too big/i,
    );
  });

  it('refuses a bad scope with a clear message and a failing exit code', async () => {
    await expect(
      ecrm('key', 'issue', '--workspace', 'ws_whatever', '--name', 'x', '--scopes', 'root'),
    ).rejects.toThrow(/scope|Invalid/i);
  });

  it('sets the ingest rate limits of a workspace and issues a key limited to origins', async () => {
    const ws = `ws_cli${randomToken(6)}`;
    await ecrm('workspace', 'create', '--id', ws, '--name', 'Limits');
    await ecrm('workspace', 'limits', '--workspace', ws, '--per-key', '5', '--per-workspace', '50');
    const deps = realDeps();
    expect((await deps.workspaces.get(ws))?.settings.rateLimits).toEqual({ perKey: 5, perWorkspace: 50 });
    const issued = await ecrm(
      'key',
      'issue',
      '--workspace',
      ws,
      '--name',
      'site',
      '--scopes',
      'ingest',
      '--origins',
      'https://shop.example',
    );
    expect(get(issued, 'allowedOrigins')).toEqual(['https://shop.example']);
  });
});
