/**
 * `ecrm contacts reindex-search`: writes the search terms of contacts stored before contact search
 * existed, in one workspace or all of them, straight against the table (`--local` or `--table`, like
 * `workspace delete`). Prints progress and, after each page, the cursor to pass as `--resume` if the
 * run stops; running it again, or while the API writes contacts, leaves exactly the right terms.
 */
import { contactsRepository } from '../lib/contacts/contacts.repository.ts';
import { type ReindexProgress, reindexSearchRun } from '../lib/contacts/reindex-search-run.ts';
import type { Table } from '../lib/shared/table.ts';
import { workspaceIdSchema } from '../lib/workspaces/workspace.schema.ts';
import { workspacesRepository } from '../lib/workspaces/workspaces.repository.ts';

export const contactsUsage = `  contacts reindex-search [--workspace <id>] [--resume <cursor>]   (search terms of contacts stored before search; every workspace without --workspace; resumable, idempotent)`;

export interface ContactsFlags {
  readonly workspace?: string | undefined;
  readonly resume?: string | undefined;
}

const progressLine = (p: ReindexProgress): string =>
  `${p.workspaceId} shard ${p.shard + 1}: ${p.indexed} indexed, ${p.total} in all; ${
    p.cursor ? `to resume: --resume ${p.cursor}` : 'done'
  }\n`;

export const contactsCommand = async (
  verb: string | undefined,
  flags: ContactsFlags,
  table: Table,
  log: (line: string) => void = (line) => process.stderr.write(line),
): Promise<unknown> => {
  if (verb !== 'reindex-search')
    throw new Error(`unknown command "contacts ${verb ?? ''}"\n${contactsUsage}`);
  const workspaceIds = flags.workspace
    ? [workspaceIdSchema.parse(flags.workspace)]
    : await workspacesRepository(table).listIds();
  const result = await reindexSearchRun(
    {
      workspaceIds,
      ...(flags.resume ? { resume: flags.resume } : {}),
      onProgress: (p) => log(progressLine(p)),
    },
    { contacts: contactsRepository(table) },
  );
  return { reindexed: true, ...result };
};
