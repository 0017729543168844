/**
 * The SES mailbox simulator: what SES does with mail to its `@simulator.amazonses.com` addresses
 * (labels after `+` allowed, as SES allows them), so the feedback loop can be exercised locally:
 * - `success@`: delivered;
 * - `bounce@`: a hard bounce (Permanent/General, 5.1.1 user unknown), no delivery;
 * - `ooto@`: delivered (the out-of-office reply goes to the sender, not to the event stream);
 * - `complaint@`: delivered, then a complaint (feedback type `abuse`);
 * - `suppressionlist@`: a hard bounce as if on SES's global suppression list (Permanent/Suppressed).
 * Any other address is delivered.
 */
import { bareAddress } from './ses-events.ts';

export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export type SimulatedOutcome =
  | { readonly kind: 'delivered'; readonly complaint: boolean }
  | {
      readonly kind: 'bounced';
      readonly bounceSubType: 'General' | 'Suppressed';
      readonly status: string;
      readonly diagnosticCode: string;
    };

const DELIVERED: SimulatedOutcome = { kind: 'delivered', complaint: false };

/** What SES would do with mail to this recipient (`Name <address>` or a bare address). */
export const simulate = (recipient: string): SimulatedOutcome => {
  const [local = '', domain = ''] = bareAddress(recipient).toLowerCase().split('@');
  if (domain !== SIMULATOR_DOMAIN) return DELIVERED;
  const mailbox = local.split('+')[0];
  switch (mailbox) {
    case 'bounce':
      return {
        kind: 'bounced',
        bounceSubType: 'General',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      };
    case 'suppressionlist':
      return {
        kind: 'bounced',
        bounceSubType: 'Suppressed',
        status: '5.1.1',
        diagnosticCode:
          'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
      };
    case 'complaint':
      return { kind: 'delivered', complaint: true };
    default:
      return DELIVERED;
  }
};
