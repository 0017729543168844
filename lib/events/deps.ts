import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { TimelineRepository } from './timeline.repository.ts';

export interface TimelineDeps {
  readonly contacts: ContactsRepository;
  readonly timeline: TimelineRepository;
  readonly clock: Clock;
  /** Days a timeline entry is kept in this workspace (workspace setting, cached by the caller). */
  readonly retentionDays: (workspaceId: string) => Promise<number>;
}
