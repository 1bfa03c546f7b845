/**
 * Connect's REST API over HTTPS and signed requests between workers (KIP-507). Certificates made
 * by the test kit; one in-process broker. A standalone worker serves https without and with client
 * authentication (the `listeners.https.` settings replacing the worker's `ssl.*`); two distributed
 * workers talk to each other over https with client certificates, a connector created through the
 * one that does not lead is forwarded to the leader and runs, the leader's session key is in the
 * config topic in Kafka's form and read by the other worker, rotated after inter.worker.key.ttl.ms,
 * and the leader's internal task-config and fencing endpoints answer Kafka's status codes to a
 * missing, forged or unknown signature.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer } from '@sluice/client';
import { startConnectDistributed, startConnectStandalone, type ConnectDistributed } from '@sluice/connect';
import { eventually, makeCertificates, type TestCertificates } from '@sluice/test-kit';
import { distributedWorkerSettings } from './support.ts';

interface Answer {
  status: number;
  body: any;
}

interface Caller {
  cert?: string;
  key?: string;
  /** false: trust nothing extra, so the worker's certificate (from the test CA) is refused. */
  trustCa?: boolean;
}

describe('Connect REST over HTTPS and signed requests between workers', { timeout: 180_000 }, () => {
  let dir: string;
  let certs: TestCertificates;
  let broker: Broker;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-https-'));
    certs = await makeCertificates(dir);
    broker = await startBroker({ port: 0, dataDir: join(dir, 'data'), config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  });

  after(async () => {
    await broker?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A curl-like call with Node's https client, trusting the test CA, with a client certificate when given. */
  function call(url: string, method: string, path: string, options: Caller & { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const req = httpsRequest(new URL(path, url), { method, headers, ca: options.trustCa === false ? undefined : certs.ca, cert: options.cert, key: options.key, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, body: text === '' ? undefined : JSON.parse(text) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const asAlice = (): Caller => ({ cert: certs.client.cert, key: certs.client.key });

  test('a standalone worker serves https; plain http to that port gets a 400 saying to use https', async () => {
    const worker = await startConnectStandalone({
      worker: {
        'bootstrap.servers': broker.bootstrap,
        listeners: 'https://127.0.0.1:0',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
      },
      log: () => undefined,
    });
    try {
      assert.match(worker.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const root = await call(worker.url, 'GET', '/');
      assert.equal(root.status, 200);
      assert.equal(typeof root.body.version, 'string');
      assert.deepEqual(await call(worker.url, 'GET', '/connectors'), { status: 200, body: [] });
      const created = await call(worker.url, 'PUT', '/connectors/gen/config', { body: JSON.stringify({ 'connector.class': 'dev.sluice.connect.DataGeneratorSourceConnector', kind: 'clicks', topic: 'https-clicks', 'max.records': '5' }) });
      assert.equal(created.status, 201, JSON.stringify(created.body));

      // Plain HTTP to the https port: an answer that says what to do, not a cut connection.
      const plain = await fetch(worker.url.replace('https:', 'http:') + '/connectors');
      assert.equal(plain.status, 400);
      const body = (await plain.json()) as { error_code: number; message: string };
      assert.equal(body.error_code, 400);
      assert.match(body.message, /serves HTTPS.*use https:\/\/127\.0\.0\.1:\d+/);
      // A client that does not trust the worker's certificate refuses it.
      await assert.rejects(call(worker.url, 'GET', '/', { trustCa: false }), /self-signed|unable to (get|verify)/i);
      // And the worker goes on answering.
      assert.equal((await call(worker.url, 'GET', '/connectors/gen')).status, 200);
    } finally {
      await worker.stop();
    }
  });

  test('with listeners.https.ssl.client.auth=required a client without a trusted certificate is refused', async () => {
    const worker = await startConnectStandalone({
      worker: {
        'bootstrap.servers': broker.bootstrap,
        listeners: 'https://127.0.0.1:0',
        // The listeners.https. settings replace the worker's ssl.* ones wholesale: this unreadable one is not used.
        'ssl.keystore.location': join(dir, 'does-not-exist.p12'),
        'ssl.keystore.type': 'PKCS12',
        'listeners.https.ssl.keystore.type': 'PEM',
        'listeners.https.ssl.keystore.location': certs.brokerKeyStore,
        'listeners.https.ssl.truststore.type': 'PEM',
        'listeners.https.ssl.truststore.location': certs.caFile,
        'listeners.https.ssl.client.auth': 'required',
      },
      log: () => undefined,
    });
    try {
      const answer = await call(worker.url, 'GET', '/connectors', asAlice());
      assert.deepEqual(answer, { status: 200, body: [] });
      await assert.rejects(call(worker.url, 'GET', '/connectors'), (e: NodeJS.ErrnoException) => /certificate required|ECONNRESET|socket hang up|alert/i.test(`${e.code} ${e.message}`));
      await assert.rejects(call(worker.url, 'GET', '/connectors', { cert: certs.untrusted.cert, key: certs.untrusted.key }), (e: NodeJS.ErrnoException) => /unknown ca|ECONNRESET|socket hang up|alert|certificate/i.test(`${e.code} ${e.message}`));
      assert.equal((await call(worker.url, 'GET', '/', asAlice())).status, 200);
    } finally {
      await worker.stop();
    }
  });

  test('a bad https setup stops the start with what to do', async () => {
    await assert.rejects(
      startConnectStandalone({ worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'https://127.0.0.1:0' }, log: () => undefined }),
      /https listener but no key store: set ssl\.keystore\.location/,
    );
    await assert.rejects(
      startConnectStandalone({ worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'https://127.0.0.1:0', 'ssl.keystore.location': certs.brokerKeyStore }, log: () => undefined }),
      /ssl\.keystore\.type: the REST API reads PEM and PKCS12 key stores; convert a JKS one/,
    );
    await assert.rejects(
      startConnectStandalone({ worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'ftp://127.0.0.1:0' }, log: () => undefined }),
      /expected http:\/\/host:port or https:\/\/host:port/,
    );
  });

  describe('two distributed workers over https with client certificates', () => {
    const TOPIC_PREFIX = 'https';
    const CONFIG_TOPIC = `${TOPIC_PREFIX}-configs`;
    const workers: ConnectDistributed[] = [];
    const logs: string[] = [];

    const settings = (): Record<string, string> =>
      distributedWorkerSettings({ bootstrap: broker.bootstrap, groupId: 'connect-https', topicPrefix: TOPIC_PREFIX }, {
        'offset.storage.partitions': '1',
        listeners: 'https://127.0.0.1:0',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'ssl.client.auth': 'required',
        // Short enough to see the leader write a second key during the test.
        'inter.worker.key.ttl.ms': '4000',
      });

    before(async () => {
      const log = (line: string) => void logs.push(line);
      workers.push(await startConnectDistributed({ worker: settings(), log }));
      workers.push(await startConnectDistributed({ worker: settings(), log }));
      await eventually('both workers are in one generation with a leader', () => workers.every((w) => w.herder.membership?.leaderUrl !== null && w.herder.membership?.leaderUrl !== undefined) && workers.filter((w) => w.herder.membership?.isLeader).length === 1, 60_000);
    });

    after(async () => {
      for (const w of workers) await w.stop().catch(() => undefined);
    });

    const leader = () => workers.find((w) => w.herder.membership?.isLeader)!;
    const follower = () => workers.find((w) => !w.herder.membership?.isLeader)!;

    /** The session-key records of the config topic, read from its start. */
    async function sessionKeyRecords(): Promise<{ key: string; algorithm: string; 'creation-timestamp': number }[]> {
      const tp = { topic: CONFIG_TOPIC, partition: 0 };
      const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], autoOffsetReset: 'earliest', enableAutoCommit: false, fetchMaxWaitMs: 50 } as never);
      try {
        consumer.assign([tp]);
        const [end] = await consumer.endOffsets([tp]);
        const out: { key: string; algorithm: string; 'creation-timestamp': number }[] = [];
        while ((await consumer.position(tp)) < end!.offset) {
          for (const r of await consumer.poll({ timeoutMs: 200 })) if (r.key?.toString() === 'session-key' && r.value !== null) out.push(JSON.parse(r.value.toString()));
        }
        return out;
      } finally {
        await consumer.close();
      }
    }

    test('the leader\'s session key is in the config topic in Kafka\'s form and read by the other worker, and rotated after its ttl', async () => {
      await eventually('both workers read the leader\'s session key', () => workers.every((w) => w.herder.sessionKey !== null) && workers[0].herder.sessionKey!.key.equals(workers[1].herder.sessionKey!.key), 30_000);
      const first = leader().herder.sessionKey!;
      const records = await sessionKeyRecords();
      assert.ok(records.length >= 1);
      const stored = records.find((r) => r.key === first.key.toString('base64'));
      assert.ok(stored !== undefined, 'the key in force is a session-key record of the config topic');
      // Kafka's SESSION_KEY_V0 through the internal JsonConverter: exactly these fields, in this order.
      assert.deepEqual(Object.keys(stored), ['key', 'algorithm', 'creation-timestamp']);
      assert.equal(stored.algorithm, 'HmacSHA256');
      assert.equal(Buffer.from(stored.key, 'base64').length, 32, 'HmacSHA256\'s key generator makes 256-bit keys');
      // inter.worker.key.ttl.ms=4000: the leader writes the next key, and both workers take it.
      await eventually('a newer session key is written and read by both workers', () => workers.every((w) => w.herder.sessionKey !== null && w.herder.sessionKey.creationTimestamp > first.creationTimestamp) && workers[0].herder.sessionKey!.key.equals(workers[1].herder.sessionKey!.key), 60_000);
      assert.ok((await sessionKeyRecords()).length > records.length);
    });

    test('a connector created through the worker that does not lead is forwarded to the leader over https and runs', async () => {
      const input = join(dir, 'input.txt');
      writeFileSync(input, 'alpha\nbeta\ngamma\n');
      // Two connectors, so that whichever worker runs one, a follower sends its task configs to the leader (signed).
      for (const name of ['file-a', 'file-b']) {
        const created = await call(follower().url, 'POST', '/connectors', { ...asAlice(), body: JSON.stringify({ name, config: { 'connector.class': 'FileStreamSource', file: input, topic: `https-${name}`, 'tasks.max': '1' } }) });
        assert.equal(created.status, 201, JSON.stringify(created.body));
      }
      for (const name of ['file-a', 'file-b']) {
        await eventually(`${name} and its task run`, async () => {
          const status = await call(follower().url, 'GET', `/connectors/${name}/status`, asAlice());
          return status.status === 200 && status.body.connector.state === 'RUNNING' && status.body.tasks.length === 1 && status.body.tasks[0].state === 'RUNNING';
        }, 60_000);
      }
      const owners = await Promise.all(['file-a', 'file-b'].map(async (n) => (await call(leader().url, 'GET', `/connectors/${n}/status`, asAlice())).body.connector.worker_id));
      assert.equal(new Set(owners).size, 2, `each worker runs one connector (${owners.join(', ')})`);
      // The lines arrive in the topics.
      const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], autoOffsetReset: 'earliest', enableAutoCommit: false, fetchMaxWaitMs: 50 } as never);
      try {
        consumer.assign([{ topic: 'https-file-a', partition: 0 }]);
        const lines: string[] = [];
        await eventually('the source\'s three lines are in its topic', async () => {
          for (const r of await consumer.poll({ timeoutMs: 200 })) lines.push(r.value!.toString());
          return lines.length >= 3;
        }, 30_000);
        assert.deepEqual(lines.slice(0, 3), ['alpha', 'beta', 'gamma']);
      } finally {
        await consumer.close();
      }
    });

    test('the internal endpoints refuse a missing, unknown or forged signature with Kafka\'s status codes and take a valid one', async () => {
      // The connector's own task configs, sent again as its worker would.
      const current = await call(leader().url, 'GET', '/connectors/file-a/tasks', asAlice());
      assert.equal(current.status, 200);
      const tasks = JSON.stringify((current.body as { config: Record<string, string> }[]).map((t) => t.config));
      const path = '/connectors/file-a/tasks';
      const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64');
      const signed = (key: Buffer, body: string, algorithm = 'HmacSHA256') => ({ 'X-Connect-Authorization': sign(key, body), 'X-Connect-Request-Signature-Algorithm': algorithm });

      const missing = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks });
      assert.deepEqual(missing, { status: 400, body: { error_code: 400, message: 'Internal request missing required signature' } });
      const forged = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(randomBytes(32), tasks) });
      assert.deepEqual(forged, { status: 403, body: { error_code: 403, message: 'Internal request contained invalid signature.' } });
      // Signed over other bytes than those sent: forged too.
      const tampered = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(leader().herder.sessionKey!.key, `${tasks} `) });
      assert.equal(tampered.status, 403);
      const unknownAlgorithm = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(randomBytes(32), tasks, 'HmacWhirlpool') });
      assert.equal(unknownAlgorithm.status, 400);
      assert.match(unknownAlgorithm.body.message, /HmacWhirlpool/);
      const notVerified = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(randomBytes(32), tasks, 'HmacSHA512') });
      assert.equal(notVerified.status, 400);
      assert.match(notVerified.body.message, /does not support the 'HmacSHA512' key signing algorithm used by other workers.*\[HmacSHA256\]/);
      // Java finds a Mac whatever the case of its name, but the leader looks the name up as sent in
      // its verification list, as Kafka's: even signed with the session key, 'hmacsha256' is refused.
      const otherCase = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(leader().herder.sessionKey!.key, tasks, 'hmacsha256') });
      assert.equal(otherCase.status, 400, JSON.stringify(otherCase.body));
      assert.match(otherCase.body.message, /does not support the 'hmacsha256' key signing algorithm used by other workers.*\[HmacSHA256\]/);
      const fence = await call(leader().url, 'PUT', '/connectors/file-a/fence', asAlice());
      assert.deepEqual(fence, { status: 400, body: { error_code: 400, message: 'Internal request missing required signature' } });

      // Signed with the session key in force (it may rotate between reading it and sending, so read it again then).
      for (const target of [leader(), follower()]) {
        await eventually(`a request signed with the session key is taken (through ${target === leader() ? 'the leader' : 'the follower, which forwards it'})`, async () => {
          const answer = await call(target.url, 'POST', path, { ...asAlice(), body: tasks, headers: signed(leader().herder.sessionKey!.key, tasks) });
          if (answer.status === 403) return false;
          assert.equal(answer.status, 204, JSON.stringify(answer.body));
          return true;
        }, 30_000);
      }
      // Without its base64 padding, as Java's decoder reads it (a 400 when padding was required).
      await eventually('a signature without its padding is taken', async () => {
        const headers = signed(leader().herder.sessionKey!.key, tasks);
        headers['X-Connect-Authorization'] = headers['X-Connect-Authorization'].replace(/=+$/, '');
        const answer = await call(leader().url, 'POST', path, { ...asAlice(), body: tasks, headers });
        if (answer.status === 403) return false;
        assert.equal(answer.status, 204, JSON.stringify(answer.body));
        return true;
      }, 30_000);
    });
  });
});
