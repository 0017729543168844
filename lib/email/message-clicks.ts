/**
 * A click's write to its message: each distinct link of a message counts once. The link's `seen` key
 * (`Click#<hash>`, from `feedback.ts`) is the idempotence, the `clicks` map records the link, the
 * status moves to `clicked` on the first click only (forward, as every status), and the write
 * publishes the click's `email.engaged` (with its link) from the entry's outbox.
 *
 * One conditional UpdateItem per attempt. DynamoDB cannot set `clicks.<link>` while `clicks` does not
 * exist, nor create the map and set a key of it in one expression, so the first attempt assumes the
 * message's first click (the whole map written, on condition that it is absent, and the status moved);
 * when a condition fails, the entry as it was (`ALL_OLD`, no extra read) says what to do instead: a
 * duplicate, a link over the cap, or another link of a message clicked before. Racing writers each
 * hold the same conditions, so the loop converges within a few attempts.
 *
 * A message tracks at most `MAX_TRACKED_LINKS` links (its `seen` and `clicks` stay bounded); a click on
 * a further link counts for the message as a whole only (it was clicked already), never per link.
 */

import { timelineEntryRecord } from '../events/timeline.schema.ts';
import { UpdateCommand } from '../shared/dynamodb/commands.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { OUTBOX_ATTRIBUTE, toOutbox } from '../shared/events/outbox.ts';
import type { Key } from '../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../shared/table.ts';
import type { MessageStatus } from './message.schema.ts';

/** Distinct links tracked per message; a click on another is counted on the message only. */
export const MAX_TRACKED_LINKS = 50;
const MAX_ATTEMPTS = 4;

export interface MessageClick {
  /** `Click#<hash of the link>`. */
  readonly seenKey: string;
  readonly link: string;
  readonly at: string;
  /** Statuses the message may move to `clicked` from. */
  readonly movesFrom: readonly MessageStatus[];
  /** Published from the entry (outbox) when this write applies. */
  readonly event?: DomainEvent | undefined;
}

/**
 * `first`: the message's first click (counted on the message and the link); `another link`: a new link
 * of a message clicked before (counted on the link only); `untracked`: a new link over the cap.
 */
export type ClickWrite = 'first' | 'another link' | 'duplicate' | 'untracked' | 'no message';

interface Plan {
  /** The message has no `clicks` map yet: write it whole. */
  readonly create: boolean;
  readonly moveStatus: boolean;
}

export const messageClicks = (table: Table) => {
  const attempt = async (
    key: Key,
    c: MessageClick,
    plan: Plan,
  ): Promise<'applied' | Record<string, unknown> | undefined> => {
    const names: Record<string, string> = {
      '#email': 'email',
      '#seen': 'seen',
      '#clicks': 'clicks',
      '#at': 'at',
      '#st': 'clicked',
    };
    const values: Record<string, unknown> = {
      ':key': c.seenKey,
      ':keys': [c.seenKey],
      ':none': [],
      ':at': c.at,
    };
    const set = [
      '#email.#seen = list_append(if_not_exists(#email.#seen, :none), :keys)',
      '#email.#at.#st = if_not_exists(#email.#at.#st, :at)',
    ];
    const conditions = ['attribute_exists(pk)', 'NOT contains(#email.#seen, :key)'];
    if (plan.create) {
      values[':clicks'] = { [c.link]: 1 };
      set.push('#email.#clicks = :clicks');
      conditions.push('attribute_not_exists(#email.#clicks)');
    } else {
      names['#link'] = c.link;
      values[':one'] = 1;
      values[':cap'] = MAX_TRACKED_LINKS;
      set.push('#email.#clicks.#link = :one');
      conditions.push('attribute_exists(#email.#clicks)', 'size(#email.#clicks) < :cap');
    }
    if (plan.moveStatus) {
      names['#status'] = 'status';
      values[':status'] = 'clicked';
      set.push('#email.#status = :status');
      const from = c.movesFrom.map((s, i) => {
        values[`:from${i}`] = s;
        return `:from${i}`;
      });
      conditions.push(
        from.length > 0 ? `#email.#status IN (${from.join(', ')})` : 'attribute_not_exists(pk)',
      );
    }
    if (c.event) {
      names['#ev'] = OUTBOX_ATTRIBUTE;
      values[':ev'] = toOutbox(c.event);
      set.push('#ev = :ev');
    }
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'applied';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return conditionFailureItem(error);
    }
  };

  return {
    /** Apply one click to its message, once per distinct link (see the module's comment). */
    async applyClick(key: Key, click: MessageClick): Promise<ClickWrite> {
      let plan: Plan = { create: true, moveStatus: true };
      for (let n = 0; n < MAX_ATTEMPTS; n++) {
        const result = await attempt(key, click, plan);
        if (result === 'applied') return plan.create ? 'first' : 'another link';
        if (result === undefined) return 'no message';
        const message = readItem(timelineEntryRecord, result, 'message').email;
        if (!message) return 'no message';
        const clicks = message.clicks;
        if (message.seen.includes(click.seenKey) || clicks?.[click.link] !== undefined) return 'duplicate';
        if (clicks && Object.keys(clicks).length >= MAX_TRACKED_LINKS) return 'untracked';
        plan = { create: clicks === undefined, moveStatus: click.movesFrom.includes(message.status) };
      }
      throw new Error(`the click on message ${key.sk} kept meeting concurrent writes; retry`);
    },
  };
};
