/**
 * `ecrm scoring recount`: counts in the score distribution the ledgers written before its counters
 * existed, straight on the table (a one-off after an upgrade), page by page. It prints where it stands
 * after each page; `--from` resumes there, and a run from the start again counts nothing twice.
 */
import * as z from 'zod';
import { contactsRepository } from '../lib/contacts/contacts.repository.ts';
import { type RecountPosition, recountScores } from '../lib/scoring/recount-scores.ts';
import { scoreDistributionRepository } from '../lib/scoring/score-distribution.repository.ts';
import { CONTACT_LIST_SHARDS } from '../lib/shared/keys.ts';
import type { Table } from '../lib/shared/table.ts';
import { contactIdSchema } from '../lib/shared/values/identity.schema.ts';
import { workspaceIdSchema } from '../lib/workspaces/workspace.schema.ts';

export const scoringUsage = `  scoring recount --workspace <id> [--from <shard>[/<contact id>]]   (counts ledgers scored before the score distribution existed; resumable)`;

const positionText = (p: RecountPosition) => (p.after ? `${p.shard}/${p.after}` : String(p.shard));

/** `3` or `3/c_...`, as printed by a previous run. */
export const parsePosition = (text: string): RecountPosition => {
  const [shard, after] = text.split('/', 2);
  return {
    shard: z.coerce
      .number()
      .int()
      .min(0)
      .max(CONTACT_LIST_SHARDS - 1)
      .parse(shard),
    ...(after ? { after: contactIdSchema.parse(after) } : {}),
  };
};

export const scoringCommand = async (
  verb: string | undefined,
  flags: { readonly workspace?: string | undefined; readonly from?: string | undefined },
  table: Table,
): Promise<unknown> => {
  if (verb !== 'recount') throw new Error(`unknown command "scoring ${verb ?? ''}"\n${scoringUsage}`);
  if (!flags.workspace) throw new Error(`--workspace is required\n${scoringUsage}`);
  const workspaceId = workspaceIdSchema.parse(flags.workspace);
  const total = await recountScores(
    workspaceId,
    { contacts: contactsRepository(table), distribution: scoreDistributionRepository(table) },
    {
      ...(flags.from ? { from: parsePosition(flags.from) } : {}),
      onPage: (page) =>
        process.stderr.write(
          `${workspaceId}: ${page.read} contacts read, ${page.counted} counted; ${page.next ? `resume with --from ${positionText(page.next)}` : 'done'}\n`,
        ),
    },
  );
  return { workspace: workspaceId, ...total };
};
