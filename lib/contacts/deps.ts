import type { Clock } from '../shared/clock.ts';
import type { ContactsRepository } from './contacts.repository.ts';

export interface ContactDeps {
  readonly contacts: ContactsRepository;
  readonly clock: Clock;
}
