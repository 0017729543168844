/** Dependencies of the SES feedback loop and the sending status routes. */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { sendingStateRepository } from '../../lib/email/feedback/sending-state.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { messagesRepository } from '../../lib/email/history/messages.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { once, table } from './deps.ts';

export const sendingDeps = once(() => ({
  sending: sendingStateRepository(table()),
  counters: countersRepository(table()),
  clock: systemClock,
}));

export const feedbackDeps = once(() => ({
  ...sendingDeps(),
  messages: messagesRepository(table()),
  contacts: contactsRepository(table()),
}));
