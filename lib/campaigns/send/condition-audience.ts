/**
 * A campaign audience given as a condition (the shared condition language), read one shard at a time
 * in contact id order, as segment audiences are (audience-pages.ts): each page lists the shard's next
 * contacts and keeps those the condition matches now, reading their timelines only when the condition
 * needs events or email engagement. Nothing is stored but the chunks: the condition is evaluated once,
 * at the snapshot.
 */

import { type Condition, parseCondition } from '../../conditions/condition.schema.ts';
import { dependencies } from '../../conditions/dependencies.ts';
import { compile } from '../../conditions/evaluate.ts';
import type { ContactsRepository } from '../../contacts/contacts.repository.ts';
import type { TimelineRepository } from '../../events/timeline.repository.ts';
import { subjectWithHistory } from '../../segments/subject-with-history.ts';
import type { Clock } from '../../shared/clock.ts';
import { keys } from '../../shared/keys.ts';
import type { AudienceSource } from './audience-pages.ts';

export interface ConditionAudienceDeps {
  readonly contacts: Pick<ContactsRepository, 'shardPage' | 'getMany'>;
  readonly timeline: Pick<TimelineRepository, 'page'>;
  readonly clock: Clock;
}

export const conditionAudience = (
  workspaceId: string,
  condition: Condition,
  deps: ConditionAudienceDeps,
): AudienceSource => {
  const parsed = parseCondition(condition);
  const evaluate = compile(parsed);
  const reads = dependencies(parsed);
  return {
    async page(shard, after, limit) {
      const listed = await deps.contacts.shardPage(workspaceId, shard, limit, after);
      const contacts = await deps.contacts.getMany(listed.ids.map((id) => keys.contact(workspaceId, id)));
      const context = { now: deps.clock.now() };
      const matched: string[] = [];
      for (const contact of contacts) {
        const subject = await subjectWithHistory(workspaceId, contact, reads, deps.timeline);
        if (evaluate(subject, context)) matched.push(contact.id);
      }
      return { contactIds: matched, done: listed.done, last: listed.last };
    },
  };
};
