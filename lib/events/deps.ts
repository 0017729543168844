import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { TimelineRepository } from './timeline.repository.ts';
import type { TimelineEntry } from './timeline.schema.ts';

export interface TimelineDeps {
  readonly contacts: ContactsRepository;
  readonly timeline: TimelineRepository;
  readonly clock: Clock;
  /** Days a timeline entry is kept in this workspace (workspace setting, cached by the caller). */
  readonly retentionDays: (workspaceId: string) => Promise<number>;
  /**
   * The contact's campaign emails launched in a span of time (ISO, both ends included, an absent end
   * open), read from the campaigns' chunks (lib/campaigns/timeline-sends.ts); absent where a caller
   * only needs what is stored.
   */
  readonly campaignSends?: (
    workspaceId: string,
    contactId: string,
    span: { readonly from?: string | undefined; readonly until?: string | undefined },
  ) => Promise<TimelineEntry[]>;
}
