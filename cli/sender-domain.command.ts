/**
 * `ecrm sender-domain add|list|show|update|remove`: a workspace's sending domains through the API. `add`
 * and `show` print the DNS records to add; `show` also prints the status (SES verification, DMARC,
 * whether marketing and transactional email may go out).
 */
import { type ApiTarget, callApi } from './api-client.ts';

export interface SenderDomainFlags {
  readonly domain?: string | undefined;
  readonly 'from-local-part'?: string | undefined;
  readonly 'display-name'?: string | undefined;
  readonly 'mail-from'?: string | undefined;
  readonly default?: boolean | undefined;
}

export const senderDomainUsage = `  sender-domain add --domain <brand.example> [--from-local-part news] [--display-name "Brand"] [--mail-from mail] [--default]
  sender-domain list | show --domain <d> | remove --domain <d>
  sender-domain update --domain <d> [--from-local-part <p>] [--display-name <name>] [--default]`;

const settings = (flags: SenderDomainFlags) => ({
  ...(flags['from-local-part'] !== undefined ? { fromLocalPart: flags['from-local-part'] } : {}),
  ...(flags['display-name'] !== undefined ? { displayName: flags['display-name'] } : {}),
  ...(flags.default ? { default: true } : {}),
});

export const senderDomainCommand = async (
  verb: string | undefined,
  flags: SenderDomainFlags,
  api: ApiTarget,
): Promise<unknown> => {
  const domain = () => {
    if (!flags.domain) throw new Error(`--domain is required\n${senderDomainUsage}`);
    return flags.domain;
  };
  const path = () => `/v1/sender-domains/${encodeURIComponent(domain())}`;
  switch (verb) {
    case 'add':
      return callApi(api, 'POST', '/v1/sender-domains', {
        domain: domain(),
        ...settings(flags),
        ...(flags['mail-from'] !== undefined ? { mailFromLabel: flags['mail-from'] } : {}),
      });
    case 'list':
      return callApi(api, 'GET', '/v1/sender-domains');
    case 'show':
      return callApi(api, 'GET', path());
    case 'update':
      return callApi(api, 'PATCH', path(), settings(flags));
    case 'remove':
      await callApi(api, 'DELETE', path());
      return { removed: domain() };
    default:
      throw new Error(`unknown command "sender-domain ${verb ?? ''}"\n${senderDomainUsage}`);
  }
};
