import { createSocket } from 'node:dgram';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalEndpoint } from '../../infra/local/local-endpoint.ts';
import { PortInUseError } from '../../infra/local/port-in-use.ts';
import { startLocalDns } from '../../infra/local/ses-dns.ts';

const started: LocalEndpoint[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});

const endpoint = (...args: ConstructorParameters<typeof LocalEndpoint>) => {
  const e = new LocalEndpoint(...args);
  started.push(e);
  return e;
};

/** A GET through `agent` (keep-alive when the agent says so); resolves with status and body. */
const get = (url: string, agent?: Agent) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

/** A promise and the function that settles it, to hold a request or a unit of work open. */
const gate = () => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
};

describe('the local servers’ lifecycle', () => {
  it('listens on a free port of 127.0.0.1 and says where', async () => {
    const e = endpoint('the test server', async (_req, res) => {
      res.end('hi');
    });
    expect(() => e.url).toThrow('the test server is not started');
    const url = await e.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(e.url).toBe(url);
    expect(await get(url)).toEqual({ status: 200, body: 'hi' });
  });

  it('refuses a configured port that is taken with PortInUseError (TCP and the UDP DNS server)', async () => {
    const first = endpoint('first', async (_req, res) => {
      res.end();
    });
    const port = Number(new URL(await first.listen()).port);
    const second = endpoint(
      'second',
      async (_req, res) => {
        res.end();
      },
      { port },
    );
    await expect(second.listen()).rejects.toBeInstanceOf(PortInUseError);

    const taken = createSocket('udp4');
    await new Promise<void>((resolve) => taken.bind(0, '127.0.0.1', resolve));
    try {
      await expect(startLocalDns({ port: taken.address().port })).rejects.toBeInstanceOf(PortInUseError);
    } finally {
      taken.close();
    }
  });

  it('closes at once though clients keep connections open, then waits for the work in flight', async () => {
    const arrived = gate();
    const release = gate();
    let finished = false;
    const e = endpoint('kept', async (req, res) => {
      if (req.url === '/slow') {
        arrived.open();
        await release.opened;
        finished = true;
      }
      res.end('ok');
    });
    const url = await e.listen();
    const agent = new Agent({ keepAlive: true });
    try {
      await get(url, agent);
      const slow = get(`${url}/slow`, agent);
      await arrived.opened;
      // Both the kept-alive connection and the one still waiting for its answer are dropped.
      await e.close();
      await expect(slow).rejects.toThrow();
      expect(() => e.url).toThrow('kept is not started');
      await expect(get(url)).rejects.toThrow();
      const stopped = e.stop();
      release.open();
      await stopped;
      expect(finished).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('is idle only once no request is being served and no counted work is left', async () => {
    const arrived = gate();
    const request = gate();
    const work = gate();
    const e = endpoint('busy', async (_req, res) => {
      arrived.open();
      await request.opened;
      res.end();
    });
    const url = await e.listen();
    const answered = get(url);
    await arrived.opened;
    const end = e.inFlight.begin();
    void work.opened.then(end);

    let idle = false;
    const quiet = e.idle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    request.open();
    await answered;
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    work.open();
    await quiet;
    expect(idle).toBe(true);
  });

  it('answers a handler that throws with its failure answer and reports the error', async () => {
    const errors: unknown[] = [];
    const aws = endpoint(
      'aws',
      async () => {
        throw new Error('boom');
      },
      { onError: (error) => errors.push(error) },
    );
    const awsAnswer = await get(await aws.listen());
    expect(awsAnswer.status).toBe(500);
    expect(awsAnswer.body).toContain('Internal failure');

    const gateway = endpoint(
      'gateway',
      async () => {
        throw new Error('bang');
      },
      {
        onError: (error) => errors.push(error),
        failure: (res) => {
          res.writeHead(502);
          res.end('bad gateway');
        },
      },
    );
    expect(await get(await gateway.listen())).toEqual({ status: 502, body: 'bad gateway' });
    expect(errors.map((e) => (e instanceof Error ? e.message : e))).toEqual(['boom', 'bang']);
    await aws.stop();
  });
});
