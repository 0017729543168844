/** The account's send quota from SES GetAccount (the send path's `readAccount`). */
import { GetAccountCommand, type SesClient } from '../../shared/aws/sesv2.ts';
import type { AccountQuota } from './send-limits.ts';

export const sesAccountQuota = (client: SesClient) => async (): Promise<AccountQuota> => {
  const { SendQuota } = await client.send(new GetAccountCommand({}));
  return {
    maxSendRate: SendQuota?.MaxSendRate ?? 1,
    max24HourSend: SendQuota?.Max24HourSend ?? 200,
    sentLast24Hours: SendQuota?.SentLast24Hours ?? 0,
  };
};
