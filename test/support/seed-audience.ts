/**
 * Seeds a campaign audience straight into the table (no events, no timeline): contacts with an email
 * address and email consent, members of a static segment. For tests and benches of the send pipeline
 * at a size the API would take minutes to build.
 */
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { BatchWriteCommand } from '../../lib/shared/dynamodb/commands.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { Table } from '../../lib/shared/table.ts';

export interface SeededContact {
  readonly id: string;
  readonly email: string;
  readonly timezone?: string | undefined;
}

const writeAll = async (table: Table, items: readonly Record<string, unknown>[]) => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const lanes = 8;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let b = lane; b < batches.length; b += lanes) {
        let pending = (batches[b] ?? []).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 10) throw new Error('DynamoDB kept items unprocessed');
          const r = await table.client.send(
            new BatchWriteCommand({ RequestItems: { [table.name]: pending } }),
          );
          pending = (r.UnprocessedItems?.[table.name] ?? []).flatMap((w) =>
            w.PutRequest?.Item ? [{ PutRequest: { Item: w.PutRequest.Item } }] : [],
          );
        }
      }
    }),
  );
};

/** `count` subscribed contacts (`zoneOf(n)` their zone, if any) in static segment `segmentId` (rule version 1). */
export const seedAudience = async (
  table: Table,
  workspaceId: string,
  segmentId: string,
  count: number,
  options: { readonly zoneOf?: (n: number) => string | undefined; readonly domain?: string } = {},
): Promise<SeededContact[]> => {
  const at = new Date().toISOString();
  const domain = options.domain ?? 'audience.example';
  const contacts = Array.from({ length: count }, (_, n): SeededContact => {
    const timezone = options.zoneOf?.(n);
    return { id: newId('c'), email: `r${n}-${Math.random().toString(36).slice(2, 8)}@${domain}`, timezone };
  });
  const items = contacts.flatMap((c) => [
    {
      ...keys.contact(workspaceId, c.id),
      ...keys.contactListing(workspaceId, c.id),
      ...emptyContact(workspaceId, c.id, 'seed', at),
      email: c.email,
      firstName: 'Ana',
      ...(c.timezone ? { timezone: c.timezone } : {}),
      consent: { email: { status: 'subscribed', source: 'seed', at } },
    },
    {
      ...keys.membership(workspaceId, segmentId, c.id),
      type: 'membership',
      v: 1,
      segmentId,
      contactId: c.id,
      ruleVersion: 1,
      enteredAt: at,
    },
  ]);
  await writeAll(table, items);
  return contacts;
};
