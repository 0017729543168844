/**
 * The SSRF guard of outgoing webhooks: with the deployed (strict) policy no URL reaches a private,
 * loopback, link-local, metadata or reserved address, however it is written or resolved; the local
 * policy allows http and loopback for a receiver on the same machine.
 */
import { describe, expect, it } from 'vitest';
import {
  type AddressPolicy,
  checkedAddress,
  isForbiddenAddress,
  RefusedAddressError,
  type Resolve,
  STRICT_POLICY,
  urlProblem,
} from '../../lib/outgoing-webhooks/endpoint-address.ts';

const LOCAL: AddressPolicy = { allowLocal: true };

/** A resolver with fixed answers (no network). */
const dns =
  (answers: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = answers[host];
    if (!found) throw new Error(`ENOTFOUND ${host}`);
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const refused = async (url: string, resolve: Resolve = dns({}), policy = STRICT_POLICY) => {
  try {
    await checkedAddress(url, policy, resolve);
  } catch (error) {
    if (error instanceof RefusedAddressError) return error.message;
    throw error;
  }
  return undefined;
};

describe('forbidden addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '100.64.0.1',
    '100.127.255.255',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    'ff02::1',
    'not-an-ip',
  ])('%s is refused', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => expect(isForbiddenAddress(address)).toBe(false),
  );
});

describe('endpoint URLs under the deployed policy', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://127.0.0.1:8443/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[fe80::1]/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://0177.0.0.1/hook',
    'https://127.1/hook',
    'https://10.0.0.1/hook',
    'https://0.0.0.0/hook',
  ])('%s is refused (the literal address is checked after normalising)', async (url) => {
    expect(await refused(url)).toMatch(/private, loopback, link-local or reserved/);
  });

  it('refuses http, even to a public address, and credentials in the URL', async () => {
    expect(await refused('http://169.254.169.254/')).toBe('must be https');
    expect(await refused('http://93.184.215.14/')).toBe('must be https');
    expect(await refused('https://user:pw@hooks.example/')).toMatch(/no user name or password/);
    expect(await refused('ftp://hooks.example/')).toBe('must be https');
  });

  it('refuses a name that resolves to a forbidden address, even if only one of its addresses is', async () => {
    const resolve = dns({
      'metadata.example': ['169.254.169.254'],
      'mixed.example': ['93.184.215.14', '10.0.0.5'],
      'v6.example': ['::ffff:127.0.0.1'],
    });
    expect(await refused('https://metadata.example/', resolve)).toMatch(/169\.254\.169\.254/);
    expect(await refused('https://mixed.example/', resolve)).toMatch(/10\.0\.0\.5/);
    expect(await refused('https://v6.example/', resolve)).toMatch(/::ffff:127\.0\.0\.1/);
    expect(await refused('https://nowhere.example/', resolve)).toMatch(/does not resolve/);
  });

  it('gives the checked address to connect to (the request is pinned to it)', async () => {
    const resolve = dns({ 'hooks.example': ['93.184.215.14', '2606:4700::1111'] });
    const target = await checkedAddress('https://hooks.example/in?x=1', STRICT_POLICY, resolve);
    expect(target).toMatchObject({ address: '93.184.215.14', family: 4 });
    expect(target.url.hostname).toBe('hooks.example');
  });
});

describe('endpoint URLs under the local policy', () => {
  it('allows http and loopback, so a receiver on this machine can be used', async () => {
    expect(urlProblem('http://127.0.0.1:4000/hook', LOCAL)).toBeUndefined();
    const target = await checkedAddress('http://127.0.0.1:4000/hook', LOCAL, dns({}));
    expect(target.address).toBe('127.0.0.1');
    expect(await refused('http://[::1]:4000/', dns({}), LOCAL)).toBeUndefined();
    expect(await refused('ftp://127.0.0.1/', dns({}), LOCAL)).toBe('an http(s) URL');
  });
});
