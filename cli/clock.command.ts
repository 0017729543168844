/**
 * `ecrm clock`: the local stack's accelerated clock (infra/local/local-clock.ts), to watch a journey's
 * waits, a campaign's send time or an abandonment window pass without waiting. Local only.
 *   npm run ecrm -- clock --local                 the stack's time
 *   npm run ecrm -- clock advance 2h --local      fire what is due in the next two hours, then settle
 */
import * as z from 'zod';
import { readStackInfo } from './target.ts';

export const clockUsage = `  clock [advance <90s|15m|2h|3d>] --local   (the local stack's clock: what is due by then fires, then the stack settles)`;

const answer = z.looseObject({ now: z.string() });
const refusal = z.object({ message: z.string() });

export const clockCommand = async (
  verb: string | undefined,
  step: string | undefined,
  options: { local?: boolean | undefined },
): Promise<unknown> => {
  if (!options.local) throw new Error('the clock is the local stack’s only: add --local');
  const { clockUrl } = readStackInfo();
  if (!clockUrl) throw new Error('this local stack has no clock endpoint: restart it with "npm start"');
  if (verb !== undefined && verb !== 'advance')
    throw new Error(`unknown clock command: ${verb}\n${clockUsage}`);
  if (verb === 'advance' && !step) throw new Error(`say how far: clock advance 2h\n${clockUsage}`);
  const response = await fetch(
    clockUrl,
    verb === 'advance'
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advance: step }),
        }
      : {},
  );
  const json: unknown = await response.json();
  const body = answer.safeParse(json);
  if (response.ok && body.success) return body.data;
  const refused = refusal.safeParse(json);
  throw new Error(refused.success ? refused.data.message : `the clock answered HTTP ${response.status}`);
};
