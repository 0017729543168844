/**
 * The DNS side of a sender domain, pure: the records its owner adds (Easy DKIM CNAMEs, the MAIL FROM
 * MX and SPF, a DMARC suggestion), where a DMARC policy is looked for, and the From header.
 */
import { controlsToSpace } from '../shared/control-chars.ts';
import type { DnsRecord, SenderDomain } from './sender-domain.schema.ts';

/** Records to add for `domain`, as SES documents them for Easy DKIM and a custom MAIL FROM domain. */
export const dnsRecordsFor = (
  domain: Pick<SenderDomain, 'domain' | 'dkimTokens' | 'mailFromDomain'>,
  region: string,
): DnsRecord[] => [
  ...domain.dkimTokens.map(
    (token): DnsRecord => ({
      purpose: 'dkim',
      type: 'CNAME',
      name: `${token}._domainkey.${domain.domain}`,
      value: `${token}.dkim.amazonses.com`,
    }),
  ),
  {
    purpose: 'mail-from-mx',
    type: 'MX',
    name: domain.mailFromDomain,
    value: `10 feedback-smtp.${region}.amazonses.com`,
  },
  { purpose: 'spf', type: 'TXT', name: domain.mailFromDomain, value: '"v=spf1 include:amazonses.com ~all"' },
  {
    purpose: 'dmarc',
    type: 'TXT',
    name: `_dmarc.${domain.domain}`,
    value: `"v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain.domain}"`,
    note: 'a starting policy: keep the domain’s own DMARC record if it has one, and tighten p= once reports are clean',
  },
];

/**
 * Where a receiver looks for the domain's DMARC policy, nearest first: `_dmarc.<domain>`, then the
 * parent domains up to two labels (an approximation of the organisational domain of RFC 7489 §3.2
 * without the public suffix list: it never looks at a bare TLD).
 */
export const dmarcLookupNames = (domain: string): string[] => {
  const labels = domain.toLowerCase().split('.');
  const names: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) names.push(`_dmarc.${labels.slice(i).join('.')}`);
  return names;
};

/** True for a TXT record that is a DMARC policy (`v=DMARC1` first, RFC 7489 §6.4). */
export const isDmarcRecord = (txt: string): boolean => /^v\s*=\s*DMARC1\s*(;|$)/i.test(txt.trim());

/**
 * The From header value: `"Display Name" <local@domain>`. The display name loses any control
 * character (CR/LF never reach a header), is quoted with `\` and `"` escaped, and is MIME
 * encoded-word (RFC 2047, UTF-8 base64) when it is not ASCII, as SES requires.
 */
export const fromAddress = (displayName: string, localPart: string, domain: string): string => {
  const clean = controlsToSpace(displayName).replace(/\s+/g, ' ').trim();
  const address = `${localPart}@${domain}`;
  if (clean === '') return address;
  if (/^[\u0020-\u007e]*$/.test(clean)) return `"${clean.replace(/[\\"]/g, (c) => `\\${c}`)}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?= <${address}>`;
};
