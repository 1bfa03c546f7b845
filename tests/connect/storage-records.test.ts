// The records of distributed mode's storage topics (config, status, offsets) against Kafka 4.3.1's
// own: Java's KafkaConfigBackingStore and KafkaStatusBackingStore schema constants written by the
// worker's internal converter (JsonConverter, schemas.enable=false) in one JVM (java/ConnectPeer),
// and the offset key Java's OffsetStorageWriter makes (a schemaless [connector, partition] list).
// Our encoders must write Java's bytes, and our parsers must read what Java writes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaConfigBackingStore, offsetKey, storageRecords } from '@sluice/connect';
import { ConnectPeer } from './support.ts';

const { commitValue, configValue, parseConfigRecord, parseStatusRecord, restartValue, sessionKeyValue, statusValue, targetStateValue, topicStatusValue } = storageRecords;

const CONFIG_STORE = 'org.apache.kafka.connect.storage.KafkaConfigBackingStore';
const STATUS_STORE = 'org.apache.kafka.connect.storage.KafkaStatusBackingStore';
const i = (n: number) => ({ i: String(n) });
const struct = (fields: Record<string, unknown>) => ({ struct: fields });

describe('Connect storage topic records against Kafka Connect 4.3.1', { timeout: 120_000 }, () => {
  let peer: ConnectPeer;
  before(async () => {
    peer = await ConnectPeer.start();
  });
  after(async () => {
    await peer?.close();
  });

  async function java(store: string, field: string, value: unknown): Promise<string> {
    const answer = await peer.ask({ op: 'storageRecord', class: store, field, value });
    assert.equal(answer.error, undefined, `Java failed: ${answer.error}`);
    return answer.result as string;
  }

  test('config topic: connector and task configs, commits, target states, restart requests', async () => {
    const properties = { 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 'lines', name: 'file-source', 'tasks.max': '1' };
    const javaConfig = await java(CONFIG_STORE, 'CONNECTOR_CONFIGURATION_V0', struct({ properties: { m: Object.entries(properties) } }));
    assert.equal(configValue(properties).toString(), javaConfig);
    assert.deepEqual(parseConfigRecord('connector-file-source', Buffer.from(javaConfig)), { kind: 'connector', connector: 'file-source', properties });
    assert.deepEqual(parseConfigRecord('task-my-connector-12', Buffer.from(await java(CONFIG_STORE, 'TASK_CONFIGURATION_V0', struct({ properties: { m: Object.entries(properties) } })))), { kind: 'task', id: { connector: 'my-connector', task: 12 }, properties });

    const javaCommit = await java(CONFIG_STORE, 'CONNECTOR_TASKS_COMMIT_V0', struct({ tasks: i(3) }));
    assert.equal(commitValue(3).toString(), javaCommit);
    assert.deepEqual(parseConfigRecord('commit-file-source', Buffer.from(javaCommit)), { kind: 'commit', connector: 'file-source', tasks: 3 });

    // Kafka writes STOPPED as PAUSED in "state" for workers that predate KIP-875, and reads "state.v2" first.
    for (const [state, v1] of [['STARTED', 'STARTED'], ['PAUSED', 'PAUSED'], ['STOPPED', 'PAUSED']] as const) {
      const javaTarget = await java(CONFIG_STORE, 'TARGET_STATE_V1', struct({ state: v1, 'state.v2': state }));
      assert.equal(targetStateValue(state).toString(), javaTarget);
      assert.deepEqual(parseConfigRecord('target-state-file-source', Buffer.from(javaTarget)), { kind: 'target-state', connector: 'file-source', state });
    }
    // A worker older than KIP-875 writes TARGET_STATE_V0, without "state.v2".
    assert.deepEqual(parseConfigRecord('target-state-x', Buffer.from(await java(CONFIG_STORE, 'TARGET_STATE_V0', struct({ state: 'PAUSED' })))), { kind: 'target-state', connector: 'x', state: 'PAUSED' });

    const javaRestart = await java(CONFIG_STORE, 'RESTART_REQUEST_V0', struct({ 'include-tasks': true, 'only-failed': false }));
    assert.equal(restartValue(true, false).toString(), javaRestart);
    assert.deepEqual(parseConfigRecord('restart-connector-file-source', Buffer.from(javaRestart)), { kind: 'restart', connector: 'file-source', includeTasks: true, onlyFailed: false });

    // Tombstones delete; what this worker does not act on is ignored, not an error.
    assert.deepEqual(parseConfigRecord('connector-gone', null), { kind: 'connector', connector: 'gone', properties: null });
    // The leader's session key for signed requests between workers (KIP-507).
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const sessionKey = await java(CONFIG_STORE, 'SESSION_KEY_V0', struct({ key: key.toString('base64'), algorithm: 'HmacSHA256', 'creation-timestamp': i(1700000000000) }));
    assert.equal(sessionKeyValue({ key, algorithm: 'HmacSHA256', creationTimestamp: 1700000000000 }).toString(), sessionKey);
    assert.deepEqual(parseConfigRecord('session-key', Buffer.from(sessionKey)), { kind: 'session-key', sessionKey: { key, algorithm: 'HmacSHA256', creationTimestamp: 1700000000000 } });
    assert.equal(parseConfigRecord('session-key', null).kind, 'ignored');
    assert.equal(parseConfigRecord('session-key', Buffer.from('{"key":"a2V5"}')).kind, 'ignored');
  });

  test('status topic: connector and task statuses, topic usage', async () => {
    const status = { state: 'RUNNING' as const, trace: null, workerId: '10.0.0.7:8083', generation: 42, version: '4.3.1' };
    const javaStatus = await java(STATUS_STORE, 'STATUS_SCHEMA_V0', struct({ state: 'RUNNING', trace: null, worker_id: '10.0.0.7:8083', generation: i(42), version: '4.3.1' }));
    assert.equal(statusValue(status).toString(), javaStatus);
    assert.deepEqual(parseStatusRecord('status-connector-file-source', Buffer.from(javaStatus)), { kind: 'connector', connector: 'file-source', status });
    const failed = { state: 'FAILED' as const, trace: 'ConnectException: boom\n\tat Task.poll', workerId: 'w:1', generation: 3, version: null };
    const javaFailed = await java(STATUS_STORE, 'STATUS_SCHEMA_V0', struct({ state: 'FAILED', trace: failed.trace, worker_id: 'w:1', generation: i(3), version: null }));
    assert.equal(statusValue(failed).toString(), javaFailed);
    assert.deepEqual(parseStatusRecord('status-task-my-conn-0', Buffer.from(javaFailed)), { kind: 'task', id: { connector: 'my-conn', task: 0 }, status: failed });

    const javaTopic = await java(STATUS_STORE, 'TOPIC_STATUS_SCHEMA_V0', { m: [['topic', struct({ name: 'orders', connector: 'file-sink', task: i(1), discoverTimestamp: i(1700000000123) })]] });
    assert.equal(topicStatusValue('orders', 'file-sink', 1, 1700000000123).toString(), javaTopic);
    assert.deepEqual(parseStatusRecord('status-topic-orders:connector-file-sink', Buffer.from(javaTopic)), { kind: 'topic', topic: 'orders', connector: 'file-sink', active: true });
  });

  test('offset topic: the key Java writes for a source partition', async () => {
    const partition = { filename: '/tmp/in.txt', shard: 3 };
    const answer = await peer.ask({ op: 'fromConnect', class: 'org.apache.kafka.connect.json.JsonConverter', config: { 'schemas.enable': 'false' }, isKey: true, schema: null, value: ['file-source', { m: [['filename', partition.filename], ['shard', i(3)]] }] });
    assert.equal(answer.error, undefined, answer.error);
    assert.equal(offsetKey('file-source', partition), Buffer.from(answer.result as string, 'base64').toString());
  });
});

describe('the config topic as a worker reads it (Kafka\'s KafkaConfigBackingStore rules)', () => {
  const { configValue: config, commitValue: commit, targetStateValue: target } = storageRecords;
  function read(records: [string, Buffer | null][]) {
    const changes: string[] = [];
    const lines: string[] = [];
    const store = new KafkaConfigBackingStore((c) => changes.push(`${c.kind} ${c.connector}`));
    records.forEach(([key, value], offset) => store.apply(key, value, BigInt(offset), (l) => lines.push(l)));
    return { snapshot: store.snapshot(), changes, lines };
  }
  const src = { 'connector.class': 'FileStreamSource', name: 'src' };
  const t = (n: number) => ({ ...src, file: `f${n}` });

  test('task configs take effect at their commit, all together', () => {
    const before = read([['connector-src', config(src)], ['task-src-0', config(t(0))], ['task-src-1', config(t(1))]]);
    assert.deepEqual(before.snapshot.connectors(), ['src']);
    assert.equal(before.snapshot.taskCount('src'), 0, 'no task before the commit');
    const after = read([['connector-src', config(src)], ['task-src-0', config(t(0))], ['task-src-1', config(t(1))], ['commit-src', commit(2)]]);
    assert.deepEqual(after.snapshot.taskConfigs('src'), [t(0), t(1)]);
    assert.equal(after.snapshot.offset, 4n, 'Kafka\'s config offset: the position after the last record');
    assert.deepEqual(after.changes, ['connector src', 'tasks src']);
    assert.equal(after.snapshot.targetState('src'), 'STARTED', 'STARTED without a target state record');
  });

  test('a commit naming a task that was never written leaves the connector inconsistent, its old tasks kept', () => {
    const r = read([['connector-src', config(src)], ['task-src-0', config(t(0))], ['commit-src', commit(1)], ['task-src-0', config(t(5))], ['commit-src', commit(2)]]);
    assert.deepEqual(r.snapshot.taskConfigs('src'), [t(0)]);
    assert.ok(r.snapshot.inconsistent.has('src'));
    assert.match(r.lines.join('\n'), /commit of 2 task\(s\) of connector src does not match/);
    // A later complete commit repairs it; a task left out keeps its last committed config.
    const repaired = read([['connector-src', config(src)], ['task-src-0', config(t(0))], ['task-src-1', config(t(1))], ['commit-src', commit(2)], ['task-src-1', config(t(9))], ['commit-src', commit(2)]]);
    assert.deepEqual(repaired.snapshot.taskConfigs('src'), [t(0), t(9)]);
    assert.ok(!repaired.snapshot.inconsistent.has('src'));
  });

  test('deletion, target states, and commits for a connector deleted meanwhile', () => {
    const r = read([
      ['target-state-src', target('PAUSED')],
      ['connector-src', config(src)],
      ['task-src-0', config(t(0))],
      ['commit-src', commit(1)],
      ['target-state-src', target('STOPPED')],
      ['connector-src', null],
      ['target-state-src', null],
      ['commit-src', commit(1)],
      ['session-key', Buffer.from('{"key":"a2V5","algorithm":"HmacSHA256","creation-timestamp":1}')],
    ]);
    assert.deepEqual(r.snapshot.connectors(), []);
    assert.equal(r.snapshot.taskCount('src'), 0);
    // The session key goes to the herder, which signs and checks requests between workers with it (no connector).
    assert.deepEqual(r.changes, ['target-state src', 'connector src', 'tasks src', 'target-state src', 'connector src', 'target-state src', 'session-key undefined']);
    const paused = read([['target-state-src', target('STOPPED')], ['connector-src', config(src)]]);
    assert.equal(paused.snapshot.targetState('src'), 'STOPPED');
  });
});
