/**
 * The frequency cap in the table: one small item per contact (`keys.frequencyCap`, in the contact's
 * partition, apart from the contact item so that counting a send neither rewrites the contact, which
 * can be several KB, nor bumps its `rev` or wakes its stream consumers), holding one numbered
 * attribute per slot (`s0`, `s1`...: the time of one send, epoch ms; frequency-cap.ts).
 *
 * Counting a batch: one BatchGetItem of the batch's cap items (eventually consistent: an older view
 * shows fewer sends, so it may pick a slot already taken, which the write then finds), then per
 * recipient one UpdateItem that takes a free slot on the condition that it is still free. A lost race
 * returns the item as it is (`ALL_OLD`) and the next free slot is tried; none left means capped. The
 * cap's limit is therefore never exceeded, however many campaigns and journeys send at once.
 * A recipient over the cap costs no write at all; when only the eventually consistent view says so
 * (it may still hold a send given back a moment ago), one consistent read confirms it first.
 *
 * Units when the cap is on: 0.5 read unit per recipient (items under 4 KB) and 1 write unit per
 * recipient counted (items under 1 KB: limits up to 85); none when the workspace has no cap
 * (the send path never calls this). The item expires (TTL) one period after its last send.
 */

import * as z from 'zod';
import { BatchGetCommand, GetCommand, UpdateCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../../shared/table.ts';
import type { FrequencyCap } from '../../workspaces/email-settings.schema.ts';
import { type CapSlots, capWindowMs, freeSlot, type SlotChoice, windowStart } from './frequency-cap.ts';
import type { CappedSend, FrequencyCaps } from './ports.ts';

const SLOT = /^s(\d{1,3})$/;

/** The stored item: its meta, and any number of `s<n>` slot attributes (numbers, epoch ms). */
const capRecord = z.looseObject({
  type: z.literal('frequencyCap'),
  v: z.literal(1),
  ttl: z.number().int(),
});
const slotTime = z.number().int().nonnegative();

const slotsOf = (item: Record<string, unknown> | undefined): Map<number, number> => {
  const slots = new Map<number, number>();
  if (item === undefined) return slots;
  const record = readItem(capRecord, item, 'frequency cap');
  for (const [name, value] of Object.entries(record)) {
    const slot = SLOT.exec(name);
    if (slot) slots.set(Number(slot[1]), readItem(slotTime, value, `frequency cap slot ${name}`));
  }
  return slots;
};

/** Conditional attempts per recipient: each lost one means another send took a slot meanwhile. */
const attemptsFor = (cap: FrequencyCap) => cap.limit + 3;

export const frequencyCapsRepository = (table: Table): FrequencyCaps => {
  const T = table.name;

  /** The cap items of these contacts (absent: no send counted yet), one BatchGetItem per 100. */
  const read = async (ws: string, contactIds: readonly string[]): Promise<Map<string, CapSlots>> => {
    const found = new Map<string, CapSlots>();
    const byPk = new Map(contactIds.map((id) => [keys.frequencyCap(ws, id).pk, id]));
    for (let i = 0; i < contactIds.length; i += 100) {
      let pending: Record<string, unknown>[] = contactIds
        .slice(i, i + 100)
        .map((id) => ({ ...keys.frequencyCap(ws, id) }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
        const result = await table.client.send(
          new BatchGetCommand({ RequestItems: { [T]: { Keys: pending } } }),
        );
        for (const item of result.Responses?.[T] ?? []) {
          const id = typeof item.pk === 'string' ? byPk.get(item.pk) : undefined;
          if (id !== undefined) found.set(id, slotsOf(item));
        }
        pending = result.UnprocessedKeys?.[T]?.Keys ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      }
    }
    return found;
  };

  /** One contact's cap item as it is now (a consistent read). */
  const readNow = async (ws: string, contactId: string): Promise<Map<number, number>> => {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: T, Key: keys.frequencyCap(ws, contactId), ConsistentRead: true }),
    );
    return slotsOf(Item);
  };

  /**
   * Takes the chosen slot for a send at `at` if it (and `alsoFree`) is still free; otherwise returns
   * the item as it is now.
   */
  const take = async (
    ws: string,
    contactId: string,
    choice: SlotChoice,
    at: number,
    cap: FrequencyCap,
  ): Promise<{ taken: true } | { taken: false; now: Map<number, number> }> => {
    const free = [choice.take, ...choice.alsoFree];
    const names = Object.fromEntries(free.map((slot, i) => [`#s${i}`, `s${slot}`]));
    try {
      await table.client.send(
        new UpdateCommand({
          TableName: T,
          Key: keys.frequencyCap(ws, contactId),
          UpdateExpression: 'SET #s0 = :at, #type = :type, #v = :v, #ttl = :ttl',
          ConditionExpression: free
            .map((_, i) => `(attribute_not_exists(#s${i}) OR #s${i} < :since)`)
            .join(' AND '),
          ExpressionAttributeNames: { ...names, '#type': 'type', '#v': 'v', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':at': at,
            ':since': windowStart(cap, at),
            ':type': 'frequencyCap',
            ':v': 1,
            ':ttl': Math.ceil((at + capWindowMs(cap)) / 1000),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { taken: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { taken: false, now: slotsOf(conditionFailureItem(error)) };
    }
  };

  /** Counts one contact's sends in turn (a request may name a contact twice): each sees the last. */
  const countContact = async (
    ws: string,
    contactId: string,
    messageIds: readonly string[],
    known: CapSlots,
    cap: FrequencyCap,
    at: number,
    counted: CappedSend[],
  ): Promise<void> => {
    const slots = new Map(known);
    const since = windowStart(cap, at);
    /** Whether `slots` is the item as it is (read consistently, or returned by a failed write). */
    let current = false;
    const replace = (now: ReadonlyMap<number, number>) => {
      slots.clear();
      for (const [s, t] of now) slots.set(s, t);
      current = true;
    };
    for (const messageId of messageIds) {
      for (let attempt = 0; ; attempt++) {
        if (attempt >= attemptsFor(cap)) throw new Error('a frequency cap kept changing under its count');
        const choice = freeSlot(slots, cap.limit, since);
        if (choice === undefined && !current) {
          replace(await readNow(ws, contactId));
          continue;
        }
        if (choice === undefined) break;
        const result = await take(ws, contactId, choice, at, cap);
        if (result.taken) {
          slots.set(choice.take, at);
          counted.push({ contactId, messageId, slot: choice.take, at });
          break;
        }
        replace(result.now);
      }
    }
  };

  const giveBack = async (ws: string, sends: readonly CappedSend[]): Promise<void> => {
    const results = await Promise.allSettled(
      sends.map((s) =>
        table.client.send(
          new UpdateCommand({
            TableName: T,
            Key: keys.frequencyCap(ws, s.contactId),
            UpdateExpression: 'REMOVE #slot',
            // Only our own send: the slot may have been taken since by a later one.
            ConditionExpression: '#slot = :at',
            ExpressionAttributeNames: { '#slot': `s${s.slot}` },
            ExpressionAttributeValues: { ':at': s.at },
          }),
        ),
      ),
    );
    const broken = results.find((r) => r.status === 'rejected' && !isConditionFailure(r.reason));
    if (broken?.status === 'rejected') throw broken.reason;
  };

  return {
    async count(ws, recipients, cap, now) {
      if (recipients.length === 0) return [];
      const byContact = new Map<string, string[]>();
      for (const r of recipients)
        byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r.messageId]);
      const known = await read(ws, [...byContact.keys()]);
      const at = now.getTime();
      const counted: CappedSend[] = [];
      const done = await Promise.allSettled(
        [...byContact].map(([contactId, ids]) =>
          countContact(ws, contactId, ids, known.get(contactId) ?? new Map(), cap, at, counted),
        ),
      );
      const broken = done.find((d) => d.status === 'rejected');
      if (broken?.status === 'rejected') {
        // Nothing goes to SES: what was counted is given back, so the retry counts it once.
        await giveBack(ws, counted);
        throw broken.reason;
      }
      return counted;
    },
    giveBack,
  };
};
