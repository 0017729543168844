/**
 * Whether a sender domain may send, pure: SES must have verified the identity (DKIM) for any email,
 * and marketing also needs a DMARC policy (Gmail, Yahoo and Outlook reject bulk mail without one since
 * 2024-2025). The reasons are written for the person who has to fix them.
 */
import type { EmailKind } from '../email/message-tags.ts';
import type { DnsPort } from './dns.port.ts';
import { dmarcLookupNames, isDmarcRecord } from './dns-records.ts';
import type { IdentityState } from './ses-identities.gateway.ts';

export interface DmarcFinding {
  readonly found: boolean;
  readonly record: string | null;
  /** The name it was found at (`_dmarc.<domain>` or the organisational domain's). */
  readonly at: string | null;
}

export type Permission = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** Looks for the DMARC policy that applies to `domain`, nearest name first. */
export const findDmarc = async (domain: string, dns: DnsPort): Promise<DmarcFinding> => {
  for (const name of dmarcLookupNames(domain)) {
    const record = (await dns.txt(name)).find(isDmarcRecord);
    if (record !== undefined) return { found: true, record, at: name };
  }
  return { found: false, record: null, at: null };
};

export const permissionFor = (
  kind: EmailKind,
  domain: string,
  identity: IdentityState | undefined,
  dmarc: DmarcFinding,
): Permission => {
  if (identity === undefined) {
    return {
      allowed: false,
      reason: `sender domain ${domain} has no SES identity any more: remove it and add it again`,
    };
  }
  if (identity.identity !== 'verified') {
    return {
      allowed: false,
      reason:
        `sender domain ${domain} is not verified yet (DKIM ${identity.identity}): add its DKIM CNAME records ` +
        `(ecrm sender-domain show ${domain}) and wait for SES to see them`,
    };
  }
  if (kind === 'marketing' && !dmarc.found) {
    return {
      allowed: false,
      reason: `sender domain ${domain} has no DMARC record: add the TXT record at _dmarc.${domain} (ecrm sender-domain show ${domain}); mailbox providers reject bulk mail without one`,
    };
  }
  return { allowed: true };
};
