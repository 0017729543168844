/** Dependencies of the segment functions. */
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { contactDeps } from './contact-deps.ts';
import { once, table } from './deps.ts';
import { timers } from './timer-deps.ts';

export const segmentDeps = once(() => ({ ...contactDeps(), segments: segmentsRepository(table()) }));

export const membershipDeps = once(() => ({ ...segmentDeps(), timers: timers() }));
