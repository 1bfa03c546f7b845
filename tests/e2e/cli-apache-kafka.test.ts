// The `sluice` command's admin actions against Apache Kafka 4.3.1, as tests/e2e/cli-admin.test.ts
// runs them against Sluice: the same command lines must work on the cluster an application
// moves to (cluster info, topic settings, offset resets by time, group delete, consume --group
// --exit with JSON lines, Kafka's errors named).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Admin, Producer } from '@sluice/client';
import { startApacheKafka, type ApacheKafka } from '@sluice/test-kit';
import { sluiceInProcess } from './sluice-in-process.ts';

let kafka: ApacheKafka;
let admin: Admin;
let producer: Producer;
const sluice = (args: string[], input?: string) => sluiceInProcess(args, { bootstrap: kafka.bootstrap, input });

before(async () => {
  kafka = await startApacheKafka({ config: { 'group.initial.rebalance.delay.ms': '0' } });
  admin = new Admin({ bootstrapServers: kafka.bootstrap });
  producer = new Producer({ bootstrapServers: kafka.bootstrap, lingerMs: 0 });
});
after(async () => {
  await producer?.close();
  await admin?.close();
  await kafka?.stop();
});

test('cluster info on Apache Kafka', async () => {
  const info = await sluice(['cluster', 'info']);
  assert.equal(info.code, 0, info.stderr);
  assert.match(info.stdout, new RegExp(`^Cluster id: ${kafka.clusterId}\\nController: \\d+\\nTopics: \\d+ \\(and \\d+ internal\\)\\n\\nBROKER\\s+HOST\\s+PORT\\s+RACK\\n\\d+\\*?\\s+\\S+\\s+${kafka.port}\\s+-\\n$`));
});

test('topic describe-config, alter-config and the errors on Apache Kafka', async () => {
  assert.equal((await sluice(['topic', 'create', 'settings', '-p', '2', '-c', 'retention.ms=3600000'])).code, 0);
  const described = await sluice(['topic', 'describe-config', 'settings']);
  assert.equal(described.code, 0, described.stderr);
  assert.match(described.stdout, /^retention\.ms\s+3600000\s+DYNAMIC_TOPIC$/m);
  assert.match(described.stdout, /^cleanup\.policy\s+delete\s+(DEFAULT|STATIC_BROKER)$/m);
  const dry = await sluice(['topic', 'alter-config', 'settings', '--set', 'segment.ms=600000', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal((await sluice(['topic', 'describe-config', 'settings', '--overrides'])).stdout, 'KEY           VALUE    SOURCE\nretention.ms  3600000  DYNAMIC_TOPIC\n');
  const altered = await sluice(['topic', 'alter-config', 'settings', '--set', 'segment.ms=600000', '--delete', 'retention.ms']);
  assert.equal(altered.code, 0, altered.stderr);
  assert.equal((await sluice(['topic', 'describe-config', 'settings', '--overrides'])).stdout, 'KEY         VALUE   SOURCE\nsegment.ms  600000  DYNAMIC_TOPIC\n');

  const again = await sluice(['topic', 'create', 'settings']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /TOPIC_ALREADY_EXISTS.*\n {2}pick another name/);
  const bad = await sluice(['topic', 'alter-config', 'settings', '--set', 'retention.ms=soon']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /INVALID_CONFIG.*\n {2}check the setting's name and value/);
  const missing = await sluice(['topic', 'delete', 'no-such-topic']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);
});

test('group reset-offsets by time and shift, consume --group --exit as JSON lines, group delete on Apache Kafka', async () => {
  await admin.createTopics([{ name: 'timed', numPartitions: 1 }]);
  const t0 = Date.UTC(2026, 0, 1);
  await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: 'timed', partition: 0, value: `r${i}`, timestamp: t0 + i * 1000 })));
  const committed = async () => (await admin.listGroupOffsets('timed-group')).find((c) => c.topic === 'timed')?.offset;
  const reset = async (args: string[]) => {
    const r = await sluice(['group', 'reset-offsets', 'timed-group', '--topic', 'timed', ...args, '--execute']);
    assert.equal(r.code, 0, r.stderr);
    return committed();
  };
  assert.equal(await reset(['--to-datetime', new Date(t0 + 3000).toISOString()]), 3n, 'a group never used is given offsets');
  assert.equal(await reset(['--shift-by', '-2']), 1n);
  assert.equal(await reset(['--by-duration', 'PT1S']), 10n);
  assert.equal(await reset(['--to-offset', '7']), 7n);

  const rest = await sluice(['consume', 'timed', '-g', 'timed-group', '--exit', '--format', 'json']);
  assert.equal(rest.code, 0, rest.stderr);
  assert.deepEqual(
    rest.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.offset, r.value, r.timestamp]),
    [7, 8, 9].map((i) => [i, `r${i}`, t0 + i * 1000]),
  );
  assert.equal(await committed(), 10n);

  const deleted = await sluice(['group', 'delete', 'timed-group']);
  assert.equal(deleted.code, 0, deleted.stderr);
  const gone = await sluice(['group', 'delete', 'timed-group']);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /GROUP_ID_NOT_FOUND/);
});
