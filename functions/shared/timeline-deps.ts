/**
 * What reading a contact's timeline needs: the contact deps, and the campaign emails read from the
 * campaigns' launches and chunks (lib/campaigns/timeline-sends.ts).
 */
import { launchesRepository } from '../../lib/campaigns/launches.repository.ts';
import { campaignToSendReader } from '../../lib/campaigns/send/campaign-to-send.reader.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { campaignSendsOn } from '../../lib/campaigns/timeline-sends.ts';
import { contactDeps } from './contact-deps.ts';
import { once } from './deps.ts';

export const timelineDeps = once(() => {
  const contacts = contactDeps();
  const sends = {
    launches: launchesRepository(contacts.table),
    campaign: campaignToSendReader(contacts.table),
    chunks: chunksRepository(contacts.table),
  };
  return {
    ...contacts,
    campaignSends: (
      workspaceId: string,
      contactId: string,
      span: { readonly from?: string | undefined; readonly until?: string | undefined },
    ) => campaignSendsOn(workspaceId, contactId, span, sends),
  };
});
