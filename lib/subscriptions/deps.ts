import type { ContactsRepository } from '../contacts/contacts.repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import type { LinkKey } from './link-token.ts';

export interface SubscriptionDeps {
  readonly contacts: ContactsRepository;
  readonly workspaces: WorkspacesRepository;
  readonly clock: Clock;
  /** The deployment's link key, loaded once per container. */
  readonly linkKey: () => Promise<LinkKey>;
}
