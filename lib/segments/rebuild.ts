/**
 * A full rebuild: every contact of the workspace evaluated against the segment's current rule, page
 * by page, with the position checkpointed on the segment after each page. A crash resumes from the
 * last checkpoint; pages done twice write nothing twice (memberships are conditional). A rebuild
 * that runs out of time asks for its own continuation through the outbox of its checkpoint.
 * `purge` mode removes every member (a deleted segment) and then the definition. A rule with a window
 * relative to now gets each contact's recheck timer brought forward to when its answer can flip, as
 * an incremental evaluation would.
 */

import { nextChange } from '../conditions/evaluate.ts';
import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { TimelineRepository } from '../events/timeline.repository.ts';
import type { Clock } from '../shared/clock.ts';
import { PutCommand } from '../shared/dynamodb/commands.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import { keys, MEMBERSHIP_SHARDS } from '../shared/keys.ts';
import { isConditionFailure, type Table } from '../shared/table.ts';
import type { Timers } from '../timers/timers.ts';
import { compileSegment } from './compiled-segments.ts';
import type { RebuildState, SegmentRecord } from './segment.schema.ts';
import type { SegmentsRepository } from './segments.repository.ts';
import { subjectWithHistory } from './subject-with-history.ts';
import { recheckAt, recheckTimerId } from './update-membership.ts';

export interface RebuildDeps {
  readonly table: Table;
  readonly segments: SegmentsRepository;
  readonly contacts: ContactsRepository;
  readonly timeline: TimelineRepository;
  readonly timers: Timers;
  readonly clock: Clock;
}

export const REBUILD_PAGE = 100;

export type RebuildOutcome = 'done' | 'continued' | 'superseded' | 'gone';

/** Write the checkpoint if the rule is still the one being rebuilt; optionally ask for a continuation. */
const checkpoint = async (
  segment: SegmentRecord,
  state: RebuildState,
  deps: RebuildDeps,
  continueAs?: 'evaluate' | 'purge',
) => {
  const next: SegmentRecord = { ...segment, rebuild: state };
  const event = continueAs
    ? domainEvent(
        'segment.rebuild.requested',
        segment.workspaceId,
        { segmentId: segment.id, ruleVersion: segment.ruleVersion, mode: continueAs },
        deps.clock,
      )
    : undefined;
  await deps.table.client.send(
    new PutCommand({
      TableName: deps.table.name,
      Item: {
        ...keys.segment(segment.workspaceId, segment.id),
        ...next,
        ...(event ? { [OUTBOX_ATTRIBUTE]: toOutbox(event) } : {}),
      },
      ConditionExpression: 'ruleVersion = :v',
      ExpressionAttributeValues: { ':v': segment.ruleVersion },
    }),
  );
  return next;
};

export const rebuildSegment = async (
  workspaceId: string,
  segmentId: string,
  ruleVersion: number,
  mode: 'evaluate' | 'purge',
  deps: RebuildDeps,
  budget: { readonly pages: number },
): Promise<RebuildOutcome> => {
  let segment = await deps.segments.get(workspaceId, segmentId);
  if (!segment) return 'gone';
  if (segment.ruleVersion !== ruleVersion) return 'superseded';
  const now = deps.clock.now().toISOString();
  let state: RebuildState =
    segment.rebuild?.ruleVersion === ruleVersion
      ? segment.rebuild
      : { status: 'running', ruleVersion, shard: 0, processed: 0, entered: 0, exited: 0, startedAt: now };
  if (state.status === 'done') return 'done';
  try {
    for (let page = 0; page < budget.pages; page++) {
      if (mode === 'purge') {
        if (state.shard >= MEMBERSHIP_SHARDS) break;
        const members = await deps.segments.membersPage(workspaceId, segmentId, state.shard, REBUILD_PAGE);
        for (const contactId of members.contactIds)
          if (await deps.segments.exit(workspaceId, segmentId, contactId))
            state = { ...state, exited: state.exited + 1 };
        state = members.contactIds.length === 0 ? { ...state, shard: state.shard + 1 } : state;
        state = { ...state, processed: state.processed + members.contactIds.length };
        segment = await checkpoint(segment, state, deps);
        continue;
      }
      const compiled = compileSegment(segment);
      if (!compiled) break;
      const { contacts, next } = await deps.contacts.list(workspaceId, REBUILD_PAGE, state.cursor);
      const members = await deps.segments.membersAmong(
        workspaceId,
        segmentId,
        contacts.map((c) => c.id),
      );
      const context = { now: deps.clock.now() };
      for (const contact of contacts) {
        const subject = await subjectWithHistory(workspaceId, contact, compiled.reads, deps.timeline);
        const member = compiled.evaluate(subject, context);
        const flip = compiled.reads.timeRelative
          ? nextChange(compiled.condition, subject, context)
          : undefined;
        if (flip)
          await deps.timers.set(
            workspaceId,
            'segment-recheck',
            recheckTimerId(contact.id),
            recheckAt(flip),
            { contactId: contact.id },
            { keepEarlier: true },
          );
        const was = members.has(contact.id);
        if (
          member &&
          !was &&
          (await deps.segments.enter(workspaceId, segmentId, contact.id, ruleVersion, deps.clock))
        ) {
          state = { ...state, entered: state.entered + 1 };
        } else if (!member && was && (await deps.segments.exit(workspaceId, segmentId, contact.id))) {
          state = { ...state, exited: state.exited + 1 };
        }
      }
      state = { ...state, processed: state.processed + contacts.length, ...(next ? { cursor: next } : {}) };
      if (!next) {
        const { cursor: _c, ...rest } = state;
        state = { ...rest, shard: MEMBERSHIP_SHARDS };
        break;
      }
      segment = await checkpoint(segment, state, deps);
    }
    const finished = state.shard >= MEMBERSHIP_SHARDS;
    if (finished) {
      const done: RebuildState = { ...state, status: 'done', finishedAt: deps.clock.now().toISOString() };
      if (mode === 'purge') {
        await deps.segments.remove(workspaceId, segmentId);
        return 'done';
      }
      await checkpoint(segment, done, deps);
      return 'done';
    }
    await checkpoint(segment, state, deps, mode);
    return 'continued';
  } catch (error) {
    // The rule changed under us: the newer rebuild owns the segment now.
    if (isConditionFailure(error)) return 'superseded';
    throw error;
  }
};
