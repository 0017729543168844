/**
 * Creating, changing and deleting segments. A new dynamic segment or a changed rule bumps the rule
 * version and asks (through the outbox of the same write) for a rebuild; a deleted segment is
 * purged by the same job, so a million members never have to go in one request.
 */

import * as z from 'zod';
import { parseCondition } from '../conditions/condition.schema.ts';
import { compile } from '../conditions/evaluate.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { Clock } from '../shared/clock.ts';
import { cursorCodec, shardNumber } from '../shared/cursor.ts';
import { PutCommand } from '../shared/dynamodb/commands.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { newId } from '../shared/ids.ts';
import { keys, MEMBERSHIP_SHARDS } from '../shared/keys.ts';
import { isConditionFailure, type Table } from '../shared/table.ts';
import { contactIdSchema } from '../shared/values/identity.schema.ts';
import { forgetSegments } from './compiled-segments.ts';
import type { createSegmentBody, SegmentRecord, updateSegmentBody } from './segment.schema.ts';
import type { SegmentsRepository } from './segments.repository.ts';

export interface SegmentAdminDeps {
  readonly table: Table;
  readonly segments: SegmentsRepository;
  readonly clock: Clock;
}

const save = async (
  segment: SegmentRecord,
  expectedUpdatedAt: string | undefined,
  rebuild: 'evaluate' | 'purge' | undefined,
  deps: SegmentAdminDeps,
) => {
  const event = rebuild
    ? domainEvent(
        'segment.rebuild.requested',
        segment.workspaceId,
        { segmentId: segment.id, ruleVersion: segment.ruleVersion, mode: rebuild },
        deps.clock,
      )
    : undefined;
  try {
    await deps.table.client.send(
      new PutCommand({
        TableName: deps.table.name,
        Item: {
          ...keys.segment(segment.workspaceId, segment.id),
          ...segment,
          ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
        },
        ...(expectedUpdatedAt
          ? { ConditionExpression: 'updatedAt = :u', ExpressionAttributeValues: { ':u': expectedUpdatedAt } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      }),
    );
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError('the segment changed meanwhile; read it again', { cause: error });
    throw error;
  }
  forgetSegments(segment.workspaceId);
};

export const createSegment = async (
  workspaceId: string,
  input: z.output<typeof createSegmentBody>,
  deps: SegmentAdminDeps,
) => {
  const now = deps.clock.now();
  const segment: SegmentRecord = {
    type: 'segment',
    v: 1,
    id: newId('sg', now),
    workspaceId,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    kind: input.kind,
    ...(input.condition !== undefined ? { condition: input.condition } : {}),
    ruleVersion: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await save(segment, undefined, segment.kind === 'dynamic' ? 'evaluate' : undefined, deps);
  return segment;
};

export const getSegment = async (
  workspaceId: string,
  segmentId: string,
  deps: { segments: SegmentsRepository },
) => {
  const segment = await deps.segments.get(workspaceId, segmentId);
  if (!segment) throw new NotFoundError(`no segment ${segmentId}`);
  return segment;
};

export const updateSegment = async (
  workspaceId: string,
  segmentId: string,
  input: z.output<typeof updateSegmentBody>,
  deps: SegmentAdminDeps,
) => {
  const before = await getSegment(workspaceId, segmentId, deps);
  if (input.condition !== undefined && before.kind !== 'dynamic') {
    throw new ConflictError('a static segment has no condition');
  }
  const ruleChanged =
    input.condition !== undefined && JSON.stringify(input.condition) !== JSON.stringify(before.condition);
  const after: SegmentRecord = {
    ...before,
    ...(input.name ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(ruleChanged ? { condition: input.condition, ruleVersion: before.ruleVersion + 1 } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  await save(after, before.updatedAt, ruleChanged ? 'evaluate' : undefined, deps);
  return after;
};

export const deleteSegment = async (workspaceId: string, segmentId: string, deps: SegmentAdminDeps) => {
  const before = await getSegment(workspaceId, segmentId, deps);
  // A new rule version that matches nobody: the rebuild job purges the members, then the definition.
  const purging: SegmentRecord = {
    ...before,
    kind: 'static',
    ruleVersion: before.ruleVersion + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  const { condition: _c, rebuild: _r, ...rest } = purging;
  await save(rest, before.updatedAt, 'purge', deps);
};

/** Count and sample of who a condition matches now, without saving anything. */
export const previewSegment = async (
  workspaceId: string,
  condition: unknown,
  deps: { contacts: ContactsRepository; clock: Clock },
  limits = { scan: 5_000, sample: 20 },
) => {
  const evaluate = compile(parseCondition(condition));
  const context = { now: deps.clock.now() };
  let scanned = 0;
  let matched = 0;
  const sample: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.contacts.list(workspaceId, 100, cursor);
    for (const contact of page.contacts) {
      scanned += 1;
      if (evaluate({ contact }, context)) {
        matched += 1;
        if (sample.length < limits.sample) sample.push(contact.id);
      }
    }
    cursor = page.next;
  } while (cursor && scanned < limits.scan);
  return { matched, scanned, complete: cursor === undefined, sample };
};

/** Members a page at a time, shard after shard; the cursor carries the shard and the position in it. */
export const listMembers = async (
  workspaceId: string,
  segmentId: string,
  page: { limit: number; cursor?: string | undefined },
  deps: { segments: SegmentsRepository },
): Promise<{ contactIds: string[]; next?: string }> => {
  await getSegment(workspaceId, segmentId, deps);
  const position = page.cursor ? membersCursor.decode(page.cursor) : { shard: 0 };
  const contactIds: string[] = [];
  let { shard } = position;
  let inner = position.after;
  while (shard < MEMBERSHIP_SHARDS && contactIds.length < page.limit) {
    const got = await deps.segments.membersPage(
      workspaceId,
      segmentId,
      shard,
      page.limit - contactIds.length,
      inner,
    );
    contactIds.push(...got.contactIds);
    if (got.next) {
      inner = got.next;
      if (contactIds.length >= page.limit)
        return { contactIds, next: membersCursor.encode({ shard, after: inner }) };
    } else {
      shard += 1;
      inner = undefined;
    }
  }
  return shard < MEMBERSHIP_SHARDS ? { contactIds, next: membersCursor.encode({ shard }) } : { contactIds };
};

/** Where a member listing stands: the shard, and the last contact id read in it. */
const membersCursor = cursorCodec(
  z.strictObject({ shard: shardNumber(MEMBERSHIP_SHARDS), after: contactIdSchema.optional() }),
  'segment-members',
);

/** The segments a contact belongs to now (static and dynamic), read from the memberships. */
export const contactSegments = async (
  workspaceId: string,
  contactId: string,
  deps: { segments: SegmentsRepository; contacts: ContactsRepository },
) => {
  if (!(await deps.contacts.get(workspaceId, contactId))) throw new NotFoundError(`no contact ${contactId}`);
  const all = await deps.segments.list(workspaceId);
  const member = await deps.segments.memberOf(
    workspaceId,
    contactId,
    all.map((s) => s.id),
  );
  return all.filter((s) => member.has(s.id)).map((s) => ({ id: s.id, name: s.name, kind: s.kind }));
};

/** Static segments: members added and removed by hand (or an import). */
export const changeStaticMembers = async (
  workspaceId: string,
  segmentId: string,
  change: { add?: readonly string[] | undefined; remove?: readonly string[] | undefined },
  deps: { segments: SegmentsRepository; contacts: ContactsRepository; clock: Clock },
) => {
  const segment = await getSegment(workspaceId, segmentId, deps);
  if (segment.kind !== 'static') throw new ConflictError('members of a dynamic segment follow its condition');
  let added = 0;
  let removed = 0;
  const missing: string[] = [];
  for (const contactId of change.add ?? []) {
    if (!(await deps.contacts.get(workspaceId, contactId))) {
      missing.push(contactId);
      continue;
    }
    if (await deps.segments.enter(workspaceId, segmentId, contactId, segment.ruleVersion, deps.clock))
      added += 1;
  }
  for (const contactId of change.remove ?? [])
    if (await deps.segments.exit(workspaceId, segmentId, contactId)) removed += 1;
  return { added, removed, missing };
};

/** An erased contact leaves every segment (each exit publishes its `segment.exited`). */
export const leaveAllSegments = async (
  workspaceId: string,
  contactId: string,
  deps: { segments: SegmentsRepository },
): Promise<number> => {
  const all = await deps.segments.list(workspaceId);
  const member = await deps.segments.memberOf(
    workspaceId,
    contactId,
    all.map((s) => s.id),
  );
  let left = 0;
  for (const id of member) if (await deps.segments.exit(workspaceId, id, contactId)) left += 1;
  return left;
};
