// The `sluice` command's cluster work against a real Sluice broker, through main() in this
// process (see sluice-in-process.ts): topic settings, cluster info, group deletion and offset
// resets by time, consume --group --exit and JSON lines, clear messages for Kafka's errors and
// for a cluster that cannot be reached. A couple of calls run the real `sluice` process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { closedPort } from '@sluice/test-kit';
import { runSluice } from './run-sluice.ts';
import { sluiceInProcess } from './sluice-in-process.ts';

let broker: Broker;
let admin: Admin;
let producer: Producer;
const sluice = (args: string[], input?: string) => sluiceInProcess(args, { bootstrap: broker.bootstrap, input });

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
  producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 0 });
});
after(async () => {
  await producer.close();
  await admin.close();
  await broker.close();
});

test('topic describe-config and alter-config (set, delete, dry run); Kafka errors named with what to do', async () => {
  const created = await sluice(['topic', 'create', 'settings', '-p', '2', '-c', 'retention.ms=3600000']);
  assert.equal(created.code, 0, created.stderr);

  const described = await sluice(['topic', 'describe-config', 'settings']);
  assert.equal(described.code, 0, described.stderr);
  assert.match(described.stdout, /^KEY\s+VALUE\s+SOURCE\n/);
  assert.match(described.stdout, /^retention\.ms\s+3600000\s+DYNAMIC_TOPIC$/m);
  assert.match(described.stdout, /^cleanup\.policy\s+delete\s+(DEFAULT|STATIC_BROKER)$/m);
  const lines = described.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
  assert.deepEqual(lines, [...lines].sort(), 'sorted by name');

  const dry = await sluice(['topic', 'alter-config', 'settings', '--set', 'segment.ms=600000', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /Valid, nothing changed \(--dry-run\): would have set segment\.ms=600000 on topic settings/);
  assert.equal((await admin.describeConfigs([{ type: 'topic', name: 'settings', configNames: ['segment.ms'] }]))[0].configs[0].source, 'default');

  const altered = await sluice(['topic', 'alter-config', 'settings', '--set', 'segment.ms=600000', '--delete', 'retention.ms']);
  assert.equal(altered.code, 0, altered.stderr);
  assert.equal(altered.stdout, 'Altered topic settings: set segment.ms=600000, deleted retention.ms.\n');
  const overrides = await sluice(['topic', 'describe-config', 'settings', '--overrides']);
  assert.equal(overrides.stdout, 'KEY         VALUE   SOURCE\nsegment.ms  600000  DYNAMIC_TOPIC\n');
  assert.match((await sluice(['topic', 'describe', 'settings'])).stdout, /PartitionCount: 2\tConfigs: segment\.ms=600000\n/);

  const again = await sluice(['topic', 'create', 'settings']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^sluice topic create: .*TOPIC_ALREADY_EXISTS.*\n {2}pick another name, or delete the topic first with `sluice topic delete NAME`\n$/);
  assert.equal((await sluice(['topic', 'create', 'settings', '--if-not-exists'])).stdout, 'Topic settings exists already.\n');

  const badValue = await sluice(['topic', 'alter-config', 'settings', '--set', 'retention.ms=soon']);
  assert.equal(badValue.code, 1);
  assert.match(badValue.stderr, /INVALID_CONFIG.*retention\.ms.*\n {2}check the setting's name and value/);

  const missing = await sluice(['topic', 'describe-config', 'no-such-topic']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /UNKNOWN_TOPIC_OR_PARTITION.*\n {2}`sluice topic list` lists the topics/);
  const missingConsume = await sluice(['consume', 'no-such-topic', '--exit']);
  assert.equal(missingConsume.code, 1);
  assert.match(missingConsume.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);
});

test('cluster info: the cluster id, the controller, the brokers and how many topics', async () => {
  const info = await sluice(['cluster', 'info']);
  assert.equal(info.code, 0, info.stderr);
  const [all, visible] = await Promise.all([admin.listTopics({ includeInternal: true }), admin.listTopics()]);
  const port = broker.bootstrap.split(':')[1];
  assert.equal(
    info.stdout,
    `Cluster id: ${broker.clusterId}\nController: ${broker.nodeId}\nTopics: ${visible.length} (and ${all.length - visible.length} internal)\n\n` +
      `BROKER  HOST       PORT${' '.repeat(port.length - 4 + 2)}RACK\n${broker.nodeId}*${' '.repeat(7 - String(broker.nodeId).length)}127.0.0.1  ${port}  -\n`,
  );
});

test('group reset-offsets by time, by duration, by shift and to an offset beyond the log; dry run by default', async () => {
  await admin.createTopics([{ name: 'timed', numPartitions: 1 }]);
  // Records from a fixed day long past: --by-duration of a second finds none after it (the end),
  // and of ten years finds the first.
  const t0 = Date.UTC(2026, 0, 1);
  await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: 'timed', partition: 0, value: `r${i}`, timestamp: t0 + i * 1000 })));
  await admin.alterGroupOffsets('timed-group', [{ topic: 'timed', partition: 0, offset: 5n }]);
  const committed = async () => (await admin.listGroupOffsets('timed-group')).find((c) => c.topic === 'timed')!.offset;

  const dry = await sluice(['group', 'reset-offsets', 'timed-group', '--topic', 'timed', '--to-datetime', new Date(t0 + 3000).toISOString()]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(dry.stdout, 'TOPIC  PARTITION  CURRENT-OFFSET  NEW-OFFSET\ntimed  0          5               3\nNothing changed: add --execute to apply (the group must have no members).\n');
  assert.equal(await committed(), 5n);

  const reset = async (args: string[]) => {
    const r = await sluice(['group', 'reset-offsets', 'timed-group', ...args, '--execute']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Reset the offsets of group timed-group\.\n$/);
    return committed();
  };
  assert.equal(await reset(['--topic', 'timed', '--to-datetime', new Date(t0 + 3000).toISOString()]), 3n);
  assert.equal(await reset(['--topic', 'timed', '--to-datetime', String(t0 + 2500)]), 3n, 'the first record at or after the time');
  assert.equal(await reset(['--topic', 'timed:0', '--shift-by', '-2']), 1n);
  assert.equal(await reset(['--all-topics', '--shift-by', '100']), 10n, 'shifted past the end: the end');
  assert.equal(await reset(['--topic', 'timed', '--by-duration', 'P3650D']), 0n);
  assert.equal(await reset(['--topic', 'timed', '--by-duration', 'PT1S']), 10n, 'no record that recent: the end');
  assert.equal(await reset(['--topic', 'timed', '--to-offset', '999']), 10n, 'beyond the log: the end');
  assert.equal(await reset(['--topic', 'timed', '--to-earliest']), 0n);

  // A group nobody has used yet can be given offsets.
  const fresh = await sluice(['group', 'reset-offsets', 'fresh-group', '--topic', 'timed', '--to-offset', '4', '--execute']);
  assert.equal(fresh.code, 0, fresh.stderr);
  assert.equal((await admin.listGroupOffsets('fresh-group')).find((c) => c.topic === 'timed')?.offset, 4n);

  const noPartition = await sluice(['group', 'reset-offsets', 'timed-group', '--topic', 'timed:3', '--to-earliest']);
  assert.equal(noPartition.code, 1);
  assert.match(noPartition.stderr, /topic timed has no partition 3 \(UNKNOWN_TOPIC_OR_PARTITION\); it has 1/);
});

test('group delete: an empty group goes, a group with members or none at all is refused naming the error', async () => {
  await admin.createTopics([{ name: 'members', numPartitions: 1 }]);
  await admin.alterGroupOffsets('idle', [{ topic: 'members', partition: 0, offset: 0n }]);
  const deleted = await sluice(['group', 'delete', 'idle']);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.equal(deleted.stdout, 'Deleted group idle.\n');
  assert.doesNotMatch((await sluice(['group', 'list'])).stdout, /^idle\b/m);

  const noTopic = await sluice(['topic', 'delete', 'never-was']);
  assert.equal(noTopic.code, 1, 'at once, not after 60 s of retries');
  assert.match(noTopic.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);

  const unknown = await sluice(['group', 'delete', 'never-was']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /GROUP_ID_NOT_FOUND.*\n {2}`sluice group list` lists the groups\n$/);
  const undescribed = await sluice(['group', 'describe', 'never-was']);
  assert.equal(undescribed.code, 1);
  assert.match(undescribed.stderr, /GROUP_ID_NOT_FOUND.*\n {2}`sluice group list` lists the groups\n$/);

  const member = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'busy', enableAutoCommit: false });
  try {
    member.subscribe('members');
    while (member.assignment().length === 0) await member.poll({ timeoutMs: 100 });
    const busy = await sluice(['group', 'delete', 'busy']);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /NON_EMPTY_GROUP.*\n {2}stop the group's consumers first/);
    const moving = await sluice(['group', 'reset-offsets', 'busy', '--topic', 'members', '--to-earliest', '--execute']);
    assert.equal(moving.code, 1);
    assert.equal(moving.stdout, '');
    assert.match(moving.stderr, /^sluice group reset-offsets: group 'busy' has 1 active member\(s\) \(Stable\): offsets can only be reset while it has none; stop its consumers first/);
    // Assigned partitions without a committed offset are listed too.
    const described = await sluice(['group', 'describe', 'busy']);
    assert.match(described.stdout, /^Group busy: Stable, 1 member\(s\), assignor \w+\n/);
    assert.match(described.stdout, /^members\s+0\s+-\s+0\s+-\s+\S+ \(/m);
  } finally {
    await member.close();
  }
});

test('consume --group --exit stops at the end of every assigned partition, committing exactly what it printed', async () => {
  await admin.createTopics([{ name: 'drain', numPartitions: 3 }]);
  await producer.sendBatch(Array.from({ length: 9 }, (_, i) => ({ topic: 'drain', partition: i % 3, value: `v${i}` })));

  const two = await sluice(['consume', 'drain', '-g', 'drainers', '--from-beginning', '-n', '2']);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout.trim().split('\n').length, 2);
  const committedTotal = async () => (await admin.listGroupOffsets('drainers')).reduce((sum, c) => sum + (c.offset ?? 0n), 0n);
  assert.equal(await committedTotal(), 2n, 'records a -n stop left unprinted are not committed');

  // Partitions without a committed offset start at the beginning, as asked.
  const rest = await sluice(['consume', 'drain', '-g', 'drainers', '--from-beginning', '--exit']);
  assert.equal(rest.code, 0, rest.stderr);
  const all = [...two.stdout.trim().split('\n'), ...rest.stdout.trim().split('\n')].sort();
  assert.deepEqual(all, Array.from({ length: 9 }, (_, i) => `v${i}`).sort(), 'every record once');
  assert.equal(await committedTotal(), 9n);

  const nothing = await sluice(['consume', 'drain', '-g', 'drainers', '--exit']);
  assert.equal(nothing.code, 0, nothing.stderr);
  assert.equal(nothing.stdout, '');
});

test('consume --format json: one object a line, binary as base64 flagged beside it', async () => {
  await admin.createTopics([{ name: 'json', numPartitions: 1 }]);
  await producer.send({ topic: 'json', key: 'k', value: Buffer.from([0x00, 0xff]), headers: { source: 'test' }, timestamp: 1764754200000 });
  await producer.send({ topic: 'json', key: null, value: '{"amount":12.5}', timestamp: 1764754201000 });
  const r = await sluice(['consume', 'json', '--from-beginning', '--exit', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.stdout.trim().split('\n').map((l) => JSON.parse(l)),
    [
      { topic: 'json', partition: 0, offset: 0, timestamp: 1764754200000, timestampType: 'CreateTime', key: 'k', value: 'AP8=', valueEncoding: 'base64', headers: [{ key: 'source', value: 'test' }] },
      { topic: 'json', partition: 0, offset: 1, timestamp: 1764754201000, timestampType: 'CreateTime', key: null, value: '{"amount":12.5}', headers: [] },
    ],
  );
});

test('a cluster that cannot be reached is reported within --connect-timeout, saying why and what to do', async () => {
  // A port that refuses connections and that no other process can take meanwhile (closedPort).
  const refusing = await closedPort();
  const closed = `127.0.0.1:${refusing.port}`;
  try {
    for (const args of [['topic', 'list'], ['group', 'list'], ['cluster', 'info'], ['consume', 'x', '-g', 'g'], ['produce', 'x']]) {
      const r = await sluiceInProcess([...args, '-b', closed, '--connect-timeout', '1000'], { input: 'a\n' });
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stderr, `sluice ${args[0] === 'consume' || args[0] === 'produce' ? args[0] : args.join(' ')}: cannot connect to ${closed} (connection refused); is a broker running? start one with \`npx sluice broker\`\n`);
    }
  } finally {
    await refusing.release();
  }

  // Something listens but never answers, or answers in HTTP.
  const sockets = new Set<Socket>();
  const listen = (onConnection: (s: Socket) => void) =>
    new Promise<Server>((resolve) => {
      const server = createServer((s) => {
        sockets.add(s);
        s.on('error', () => {});
        onConnection(s);
      });
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
  const silent = await listen(() => {});
  const web = await listen((s) => s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n')));
  try {
    const address = (server: Server) => `127.0.0.1:${(server.address() as { port: number }).port}`;
    const quiet = await sluiceInProcess(['topic', 'list', '-b', address(silent), '--connect-timeout', '500']);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, `sluice topic list: ${address(silent)} accepted the connection but did not answer as a Kafka broker within 500 ms; is it a Kafka listener (PLAINTEXT)? --connect-timeout MS waits longer\n`);
    const http = await sluiceInProcess(['topic', 'list', '-b', address(web), '--connect-timeout', '500']);
    assert.equal(http.code, 1);
    assert.equal(http.stderr, `sluice topic list: ${address(web)} answered, but in HTTP, not as a Kafka broker; check the port in --bootstrap-server\n`);
  } finally {
    for (const s of sockets) s.destroy();
    silent.close();
    web.close();
  }
});

test('a broker that advertises an address nobody can reach is reported at once, naming advertised.listeners', async () => {
  const refusing = await closedPort();
  const unreachable = refusing.port;
  const hidden = await startBroker({ port: 0, config: { 'advertised.listeners': `PLAINTEXT://127.0.0.1:${unreachable}` } });
  const bound = `${hidden.host}:${hidden.port}`;
  try {
    const r = await sluiceInProcess(['topic', 'create', 'x', '-b', bound, '--connect-timeout', '1000']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      `sluice topic create: ${bound} answered, but the cluster's brokers cannot be reached at the addresses they advertise: broker ${hidden.nodeId} at 127.0.0.1:${unreachable} (connection refused); check the brokers' advertised.listeners\n`,
    );
  } finally {
    await hidden.close();
    await refusing.release();
  }
});

test('produce: to a topic the cluster creates on first use, and to one it will not create (refused within --connect-timeout)', async () => {
  const made = await sluice(['produce', 'created-on-first-use', '-k', ':'], 'a:1\nb:2\n');
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await sluice(['consume', 'created-on-first-use', '--from-beginning', '--exit', '-f', '%k=%v'])).stdout, 'a=1\nb=2\n');

  const strict = await startBroker({ port: 0, config: { 'auto.create.topics.enable': 'false' } });
  try {
    const r = await sluiceInProcess(['produce', 'absent', '--connect-timeout', '1000'], { bootstrap: strict.bootstrap, input: 'x\n' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^sluice produce: topic 'absent' is not available after 1000 ms: it does not exist and the cluster does not create topics on first use \(auto\.create\.topics\.enable=false\)/);
  } finally {
    await strict.close();
  }
});

test('the real sluice process: group --help exits 0, an unreachable broker exits 1 with the message', async () => {
  const help = await runSluice(['group', '--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: sluice group <action>/);
  const refusing = await closedPort();
  const closed = `127.0.0.1:${refusing.port}`;
  try {
    const r = await runSluice(['topic', 'list', '--connect-timeout', '1000'], { bootstrap: closed });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `sluice topic list: cannot connect to ${closed} (connection refused); is a broker running? start one with \`npx sluice broker\`\n`);
  } finally {
    await refusing.release();
  }
});
