/**
 * Journey reporting's input: each run's entry and end (the events the run item carries) added to its
 * journey's counters, with the goal's order value. One addition per event, the last thing done: a
 * delivery that fails before it counts nothing, and is retried.
 */
import type { DomainEvent } from '../shared/events/catalogue.ts';
import type { EventMeanings } from '../shared/events/meanings.ts';
import type { JourneyCountersRepository, RunCountsDelta } from './journey-counters.repository.ts';

/** The events counted: every run's entry and end. */
export const RUN_EVENTS: EventMeanings<true> = {
  'journey.entered': () => true,
  'journey.ended': () => true,
};

export const countRunEvent = async (
  event: DomainEvent<'journey.entered'> | DomainEvent<'journey.ended'>,
  counters: Pick<JourneyCountersRepository, 'add'>,
): Promise<void> => {
  const delta: RunCountsDelta =
    event.type === 'journey.entered'
      ? { entered: 1 }
      : {
          ended: { [event.data.ended]: 1 },
          ...(event.data.revenue
            ? { revenue: { [event.data.revenue.currency]: event.data.revenue.amount } }
            : {}),
        };
  await counters.add(event.workspaceId, event.data.journeyId, delta);
};
