/**
 * Memberships on DynamoDB Local: the three access paths (one GetItem, one Query per user, a paginated
 * Query per workspace), the two items kept in step, and the last-admin rule under concurrent writes.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../lib/shared/errors.ts';
import { inviteUser, removeUser, setUserRole } from '../../lib/users/manage-users.ts';
import type { Member } from '../../lib/users/membership.schema.ts';
import { membershipsRepository } from '../../lib/users/memberships.repository.ts';
import type { Role } from '../../lib/users/roles.ts';
import type { DirectoryUser, UserDirectory } from '../../lib/users/user-directory.ts';
import { connectionsRepository } from '../../lib/webhooks/connections.repository.ts';
import { deleteWorkspace } from '../../lib/workspaces/delete-workspace.ts';
import { workspaceDeletionRepository } from '../../lib/workspaces/workspace-deletion.repository.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let deps: RealDeps;
let memberships: ReturnType<typeof membershipsRepository>;

const member = (workspaceId: string, role: Role, userId = randomUUID()): Member => ({
  type: 'member',
  v: 1,
  workspaceId,
  userId,
  email: `${userId.slice(0, 8)}@people.example`,
  role,
  addedAt: new Date().toISOString(),
});

/** A directory that knows whom it was asked to invite. */
const fakeDirectory = () => {
  const people = new Map<string, DirectoryUser>();
  const invited: string[] = [];
  const directory: UserDirectory = {
    findByEmail: async (email) => people.get(email),
    invite: async (email) => {
      invited.push(email);
      const user = { id: randomUUID(), email };
      people.set(email, user);
      return user;
    },
  };
  return { directory, invited };
};

beforeAll(() => {
  deps = realDeps();
  memberships = membershipsRepository(deps.table);
});

describe('memberships', () => {
  it('finds (user, workspace) by key, lists a user’s workspaces and a workspace’s members page by page', async () => {
    const [a, b] = [await newWorkspace(deps), await newWorkspace(deps)];
    const userId = randomUUID();
    await memberships.add(member(a, 'admin', userId), 'Shop A');
    await memberships.add(member(b, 'analyst', userId), 'Shop B');
    for (let i = 0; i < 4; i++) await memberships.add(member(a, 'marketer'), 'Shop A');

    expect((await memberships.get(a, userId))?.role).toBe('admin');
    expect((await memberships.get(b, userId))?.role).toBe('analyst');
    expect(await memberships.get(b, randomUUID())).toBeUndefined();
    const mine = await memberships.listForUser(userId);
    expect(mine.map((m) => [m.workspaceId, m.workspaceName, m.role]).sort()).toEqual(
      [
        [a, 'Shop A', 'admin'],
        [b, 'Shop B', 'analyst'],
      ].sort(),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await memberships.listMembers(a, { limit: 2, cursor });
      seen.push(...page.members.map((m) => m.userId));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect((await memberships.listMembers(b, { limit: 10 })).members.map((m) => m.userId)).toEqual([userId]);
  });

  it('refuses a second membership of the same user and a workspace that does not exist', async () => {
    const ws = await newWorkspace(deps);
    const first = member(ws, 'marketer');
    await memberships.add(first, 'W');
    await expect(memberships.add({ ...first, role: 'admin' }, 'W')).rejects.toBeInstanceOf(ConflictError);
    expect((await memberships.get(ws, first.userId))?.role).toBe('marketer');
    await expect(memberships.add(member('ws_nosuchplace', 'admin'), 'X')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('changes a role and removes a membership on both items', async () => {
    const ws = await newWorkspace(deps);
    const admin = member(ws, 'admin');
    const other = member(ws, 'analyst');
    await memberships.add(admin, 'W');
    await memberships.add(other, 'W');
    await setUserRole({ workspaceId: ws, userId: other.userId, role: 'marketer' }, { memberships });
    expect((await memberships.get(ws, other.userId))?.role).toBe('marketer');
    expect((await memberships.listForUser(other.userId))[0]?.role).toBe('marketer');
    await removeUser({ workspaceId: ws, userId: other.userId }, { memberships });
    expect(await memberships.get(ws, other.userId)).toBeUndefined();
    expect(await memberships.listForUser(other.userId)).toEqual([]);
    await expect(
      removeUser({ workspaceId: ws, userId: other.userId }, { memberships }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the last admin: no demotion or removal of the only admin', async () => {
    const ws = await newWorkspace(deps);
    const admin = member(ws, 'admin');
    await memberships.add(admin, 'W');
    await expect(memberships.setRole(ws, admin.userId, 'marketer')).rejects.toBeInstanceOf(ConflictError);
    await expect(memberships.remove(ws, admin.userId)).rejects.toBeInstanceOf(ConflictError);
    expect((await memberships.get(ws, admin.userId))?.role).toBe('admin');
  });

  it('keeps one admin when two admins are demoted at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const ws = await newWorkspace(deps);
      const [one, two] = [member(ws, 'admin'), member(ws, 'admin')];
      await memberships.add(one, 'W');
      await memberships.add(two, 'W');
      const outcomes = await Promise.allSettled([
        memberships.setRole(ws, one.userId, 'marketer'),
        round === 2 ? memberships.remove(ws, two.userId) : memberships.setRole(ws, two.userId, 'analyst'),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
      const admins = (await memberships.listMembers(ws, { limit: 10 })).members.filter(
        (m) => m.role === 'admin',
      );
      expect(admins).toHaveLength(1);
    }
  });

  it('counts admins added at the same moment: demoting them all leaves exactly one', async () => {
    const ws = await newWorkspace(deps);
    const admins = [1, 2, 3, 4].map(() => member(ws, 'admin'));
    await Promise.all(admins.map((m) => memberships.add(m, 'W')));
    const outcomes = await Promise.allSettled(
      admins.map((m) => memberships.setRole(ws, m.userId, 'marketer')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const left = (await memberships.listMembers(ws, { limit: 10 })).members.filter((m) => m.role === 'admin');
    expect(left).toHaveLength(1);
  });

  it('a deleted workspace takes its members’ own copies with it', async () => {
    const [gone, kept] = [await newWorkspace(deps), await newWorkspace(deps)];
    const userId = randomUUID();
    await memberships.add(member(gone, 'admin', userId), 'Gone');
    await memberships.add(member(kept, 'analyst', userId), 'Kept');
    await deleteWorkspace(
      gone,
      {
        ...deps,
        connections: connectionsRepository(deps.table),
        deletion: workspaceDeletionRepository(deps.table),
      },
      { pageSize: 500 },
    );
    expect((await memberships.listForUser(userId)).map((m) => m.workspaceId)).toEqual([kept]);
  });

  it('invites through the directory once; a known person only gets the membership', async () => {
    const ws = await newWorkspace(deps);
    const other = await newWorkspace(deps);
    const { directory, invited } = fakeDirectory();
    const usersDeps = { memberships, workspaces: deps.workspaces, directory, clock: deps.clock };
    const first = await inviteUser(
      { workspaceId: ws, email: ' Ana@Shop.Example ', role: 'admin' },
      usersDeps,
    );
    expect(first.invited).toBe(true);
    expect(first.member.email).toBe('ana@shop.example');
    const again = await inviteUser(
      { workspaceId: other, email: 'ana@shop.example', role: 'analyst' },
      usersDeps,
    );
    expect(again.invited).toBe(false);
    expect(again.member.userId).toBe(first.member.userId);
    expect(invited).toEqual(['ana@shop.example']);
    await expect(
      inviteUser({ workspaceId: ws, email: 'ana@shop.example', role: 'marketer' }, usersDeps),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await memberships.listForUser(first.member.userId)).map((m) => m.workspaceId).sort()).toEqual(
      [ws, other].sort(),
    );
  });
});
