/**
 * The DNS lookups sender domains need (TXT records, for DMARC). Deployed it is `node:dns` with the
 * Lambda's resolver; the local stack passes its own resolver's address, so the same code runs.
 */
import { Resolver } from 'node:dns/promises';

export interface DnsPort {
  /** The TXT records at `name`, each joined from its strings; `[]` when the name or the type is absent. */
  txt(name: string): Promise<string[]>;
}

const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

/** `node:dns` TXT lookups, through `servers` (`host:port`) when given, else the system's resolvers. */
export const nodeDns = (servers?: readonly string[]): DnsPort => {
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  if (servers && servers.length > 0) resolver.setServers([...servers]);
  return {
    async txt(name) {
      try {
        return (await resolver.resolveTxt(name)).map((parts) => parts.join(''));
      } catch (error) {
        if (error instanceof Error && 'code' in error && ABSENT.has(String(error.code))) return [];
        throw error;
      }
    },
  };
};
