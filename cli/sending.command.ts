/**
 * `ecrm sending status|resume|stats`: a workspace's marketing sending status (paused by its bounce or
 * complaint rates, or not), resuming it by hand, and the email outcomes of one origin, through the API.
 */
import { type ApiTarget, callApi } from './api-client.ts';

export interface SendingFlags {
  readonly origin?: string | undefined;
  readonly id?: string | undefined;
}

export const sendingUsage = `  sending status | resume   (marketing paused by bounce/complaint rates; resume after cleaning the list)
  sending stats --origin campaign|journey|api|test|alert|confirmation --id <origin id>`;

export const sendingCommand = async (
  verb: string | undefined,
  flags: SendingFlags,
  api: ApiTarget,
): Promise<unknown> => {
  switch (verb) {
    case 'status':
      return callApi(api, 'GET', '/v1/workspace/sending');
    case 'resume':
      return callApi(api, 'POST', '/v1/workspace/sending/resume', {});
    case 'stats': {
      if (!flags.origin || !flags.id) throw new Error(`--origin and --id are required\n${sendingUsage}`);
      return callApi(
        api,
        'GET',
        `/v1/email-stats/${encodeURIComponent(flags.origin)}/${encodeURIComponent(flags.id)}`,
      );
    }
    default:
      throw new Error(`unknown command "sending ${verb ?? ''}"\n${sendingUsage}`);
  }
};
