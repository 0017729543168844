/**
 * Bus rule target: score what a contact did (engagement rules, stage events such as an order) and who
 * they are (fit rules, on profile changes). Each input scores once: its history entry is its key. What
 * each event scores is the table in lib/scoring/score-inputs.ts.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { scoreBusEvent } from '../../lib/scoring/score-bus-event.ts';
import { SCORE_INPUTS } from '../../lib/scoring/score-inputs.ts';
import { parseBusEventFor } from '../shared/bus-event.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  for (const event of parseBusEventFor(SCORE_INPUTS, raw)) await scoreBusEvent(event, scoringDeps());
});
