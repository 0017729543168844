/**
 * The send path's `SenderPort`: who a workspace sends as (its default sender domain's From address,
 * identity and SES tenant), or why it may not send this kind of email now. SES verification and the
 * DMARC lookup are cached per container and workspace (a send batch must not cost an SES call and a
 * DNS lookup): a domain that may send is re-checked every `allowedTtlMs`, one that may not sooner.
 */

import type { EmailKind } from '../email/message-tags.ts';
import type { SenderOutcome, SenderPort } from '../email/ports.ts';
import type { Clock } from '../shared/clock.ts';
import type { DnsPort } from './dns.port.ts';
import { fromAddress } from './dns-records.ts';
import { defaultOf, identityArn, type SesSettings } from './manage-sender-domains.ts';
import type { SenderDomainsRepository } from './sender-domains.repository.ts';
import { type DmarcFinding, findDmarc, permissionFor } from './sender-status.ts';
import type { IdentitiesPort, IdentityState } from './ses-identities.gateway.ts';

export interface SenderPortDeps {
  readonly senderDomains: Pick<SenderDomainsRepository, 'list' | 'defaultDomain'>;
  readonly identities: Pick<IdentitiesPort, 'get'>;
  readonly dns: DnsPort;
  readonly clock: Clock;
  readonly ses: Pick<SesSettings, 'arnPrefix'>;
  /** Defaults to 5 minutes. */
  readonly allowedTtlMs?: number;
  /** Defaults to 30 seconds. */
  readonly refusedTtlMs?: number;
}

interface Checked {
  readonly domain:
    | { domain: string; displayName: string; fromLocalPart: string; tenantName?: string | undefined }
    | undefined;
  readonly identity: IdentityState | undefined;
  readonly dmarc: DmarcFinding;
  readonly until: number;
}

export const NO_SENDER_DOMAIN =
  'the workspace has no sender domain: register one (POST /v1/sender-domains, or ecrm sender-domain add <domain>)';

export const senderPort = (deps: SenderPortDeps): SenderPort & { forget(workspaceId: string): void } => {
  const cache = new Map<string, Checked>();
  const allowedTtl = deps.allowedTtlMs ?? 5 * 60_000;
  const refusedTtl = deps.refusedTtlMs ?? 30_000;

  const check = async (workspaceId: string, wanted: string | undefined): Promise<Checked> => {
    const now = deps.clock.now().getTime();
    const key = wanted === undefined ? workspaceId : `${workspaceId} ${wanted}`;
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit;
    const [domains, chosen] = await Promise.all([
      deps.senderDomains.list(workspaceId),
      deps.senderDomains.defaultDomain(workspaceId),
    ]);
    const domain =
      wanted === undefined ? defaultOf(domains, chosen) : domains.find((d) => d.domain === wanted);
    const none: DmarcFinding = { found: false, record: null, at: null };
    const [identity, dmarc] = domain
      ? await Promise.all([deps.identities.get(domain.domain), findDmarc(domain.domain, deps.dns)])
      : [undefined, none];
    const fine = domain !== undefined && identity?.identity === 'verified' && dmarc.found;
    const checked: Checked = { domain, identity, dmarc, until: now + (fine ? allowedTtl : refusedTtl) };
    cache.set(key, checked);
    return checked;
  };

  return {
    async senderFor(workspaceId: string, kind: EmailKind, wanted?: string): Promise<SenderOutcome> {
      const { domain, identity, dmarc } = await check(workspaceId, wanted);
      if (!domain)
        return {
          ok: false,
          reason:
            wanted === undefined ? NO_SENDER_DOMAIN : `${wanted} is not a sender domain of the workspace`,
        };
      const permission = permissionFor(kind, domain.domain, identity, dmarc);
      if (!permission.allowed) return { ok: false, reason: permission.reason };
      return {
        ok: true,
        from: fromAddress(domain.displayName, domain.fromLocalPart, domain.domain),
        ...(deps.ses.arnPrefix ? { fromIdentityArn: identityArn(deps.ses, domain.domain) } : {}),
        ...(domain.tenantName !== undefined ? { tenantName: domain.tenantName } : {}),
      };
    },
    /** Drops the cached check (after the workspace changed its domains in this container). */
    forget(workspaceId: string) {
      for (const key of cache.keys())
        if (key === workspaceId || key.startsWith(`${workspaceId} `)) cache.delete(key);
    },
  };
};
