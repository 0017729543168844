/** The operator connects a storefront from the command line, through the API of a running stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = (await workspaceWithKeys(stack)).admin;
});

afterAll(() => stack?.stop());

const ecrm = (...args: string[]) => ecrmCli(stack, admin, ...args);

describe('ecrm connection', () => {
  it('creates, lists, rotates and deletes a connection', async () => {
    const made = await ecrm(
      'connection',
      'create',
      '--kind',
      'woocommerce',
      '--name',
      'CLI Woo',
      '--secret',
      'cli-secret-123456',
    );
    const id = String(field(made, 'connection', 'id'));
    expect(JSON.stringify(made)).not.toContain('cli-secret-123456');
    expect(JSON.stringify(await ecrm('connection', 'list'))).toContain(id);
    const rotated = await ecrm('connection', 'rotate', '--id', id, '--grace-hours', '2');
    expect(String(field(rotated, 'secret'))).toMatch(/^ecrm_whsec_/);
    expect(field(rotated, 'connection', 'secrets')).toHaveLength(2);
    await ecrm('connection', 'delete', '--id', id);
    expect((await client(stack, admin).get(`/v1/connections/${id}`)).status).toBe(404);
  });

  it('fails with the API’s message when a field is wrong', async () => {
    await expect(ecrm('connection', 'create', '--kind', 'magento', '--name', 'x')).rejects.toThrow(/kind/);
  });
});

describe('ecrm segment and scoring-model', () => {
  it('creates a segment from a JSON condition and reads it back; refuses a bad one', async () => {
    const made = await ecrm(
      'segment',
      'create',
      '--name',
      'CLI VIPs',
      '--condition',
      '{"type":"tag","op":"has","value":"vip"}',
    );
    const id = String(field(made, 'id'));
    expect(field(await ecrm('segment', 'get', '--id', id), 'name')).toBe('CLI VIPs');
    expect(JSON.stringify(await ecrm('segment', 'list'))).toContain(id);
    await expect(ecrm('segment', 'create', '--name', 'Bad', '--condition', '{"type":"tag"}')).rejects.toThrow(
      /422/,
    );
  });
});
