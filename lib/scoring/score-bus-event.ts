/** The scoring consumer's use case: a bus event, scored on its contact through the table of inputs. */

import { NotFoundError } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events/catalogue.ts';
import { meaningOf } from '../shared/events/meanings.ts';
import { type ScoringDeps, scoreContact } from './score-contact.ts';
import { SCORE_INPUTS } from './score-inputs.ts';

export type BusScoreOutcome = Awaited<ReturnType<typeof scoreContact>> | 'ignored' | 'erased';

/** Scores the input the event carries, once; a contact erased meanwhile is nothing to retry. */
export const scoreBusEvent = async (event: DomainEvent, deps: ScoringDeps): Promise<BusScoreOutcome> => {
  const meaning = meaningOf(SCORE_INPUTS, event);
  if (!meaning) return 'ignored';
  try {
    return await scoreContact(event.workspaceId, meaning.contactId, meaning.input, deps);
  } catch (error) {
    if (error instanceof NotFoundError) return 'erased';
    throw error;
  }
};
