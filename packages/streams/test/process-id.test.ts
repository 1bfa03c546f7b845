// An instance's process id lives in <state.dir>/<application.id>/kafka-streams-process-metadata,
// as Kafka Streams keeps it, so a restart on the same state directory keeps the id (and with it
// the transactional ids under exactly_once_v2). Java's side is Kafka Streams 4.3.1's own
// StateDirectory.initializeProcessId (tests/streams/java/.../ProcessIdFile.java), run once for
// every case: it reads the files Sluice writes, and writes the ones Sluice reads; damaged files
// are replaced by both with a new id, an unknown field is ignored by both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import { KafkaStreams, Materialized, Serdes, Stores, StreamsBuilder, type Topology } from '@sluice/streams';

const exec = promisify(execFile);
const FILE = 'kafka-streams-process-metadata';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Java's initializeProcessId on each `[stateDir, applicationId]`, in order: the ids it returns. */
async function javaProcessIds(dirs: [string, string][]): Promise<string[]> {
  const cp = await mavenProjectClasspath(fileURLToPath(new URL('../../../tests/streams/java', import.meta.url)));
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.ProcessIdFile', ...dirs.map(([d, a]) => `${d}|${a}`)], { timeout: 300_000 });
  return stdout.split('\n').filter((l) => UUID.test(l.trim())).map((l) => l.trim());
}

function logger() {
  const warnings: string[] = [];
  return { warnings, logger: { info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } };
}

/** A count per key: its store is persistent by default, or in memory. */
function countTopology(inMemory = false): Topology {
  const builder = new StreamsBuilder();
  const counted = builder.stream('pid-input', { keySerde: Serdes.String(), valueSerde: Serdes.String() }).groupByKey();
  (inMemory ? counted.count(Materialized.as(Stores.inMemoryKeyValueStore('counts'))) : counted.count()).toStream().to('pid-output');
  return builder.build();
}

function instance(stateDir: string, applicationId: string, topology = countTopology(), log = logger().logger): KafkaStreams {
  return new KafkaStreams(topology, { applicationId, bootstrapServers: '127.0.0.1:9', stateDir, logger: log });
}

test('the process id is kept in the state directory in Java\'s format, read and written alike by Kafka Streams 4.3.1', { timeout: 600_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'process-id-'));
  try {
    // 1. Sluice writes the file at construction, as Java does, and a restart reads it.
    const first = instance(root, 'app');
    const id = first.processId;
    assert.match(id, UUID);
    assert.equal(readFileSync(join(root, 'app', FILE), 'utf8'), `{"processId":"${id}"}`, "Jackson's bytes for Java's StateDirectoryProcessFile");
    // 2. A second instance on the same state directory while the first lives: a new id, not written.
    const shared = logger();
    const second = instance(root, 'app', countTopology(), shared.logger);
    assert.notEqual(second.processId, id);
    assert.match(shared.warnings.join('\n'), /state directory .* is in use by another instance.*own state\.dir/);
    assert.equal(readFileSync(join(root, 'app', FILE), 'utf8'), `{"processId":"${id}"}`);
    await second.close();
    // 3. cleanUp() deletes the stores but keeps the process id (Java's clean() leaves the file).
    mkdirSync(join(root, 'app', '0_0'), { recursive: true });
    await first.close();
    first.cleanUp();
    assert.deepEqual(readdirSync(join(root, 'app')).sort(), [FILE]);
    const restarted = instance(root, 'app');
    assert.equal(restarted.processId, id, 'a restart on the same state.dir keeps the process id');
    await restarted.close();

    // 4. No persistent store, no state directory: a new id each time and nothing written (Java: hasPersistentStores false).
    const stateless = () => {
      const builder = new StreamsBuilder();
      builder.stream('pid-input').to('pid-output');
      return builder.build();
    };
    const a = instance(root, 'stateless', stateless());
    const b = instance(root, 'in-memory', countTopology(true));
    assert.notEqual(a.processId, instance(root, 'stateless', stateless()).processId);
    assert.match(b.processId, UUID);
    assert.ok(!existsSync(join(root, 'stateless')) && !existsSync(join(root, 'in-memory')));

    // A state.dir that cannot hold the file: a clear error at construction, as Java's ProcessorStateException.
    writeFileSync(join(root, 'a-file'), '');
    assert.throws(() => instance(join(root, 'a-file', 'state'), 'app'), (e: Error & { code?: string }) => e.code === 'PROCESSOR_STATE' && /cannot keep the process id in the state directory .*set state\.dir to a folder this process can write/.test(e.message));

    // 5. Damaged files, an unknown field and no id, each given to both sides (Java's copy in java/, Sluice's in sluice/).
    const known = '0f8e4d4c-5a49-4b6e-9c1f-3d2a1b0c9e8f';
    const cases: [string, string][] = [
      ['not-json', '{"processId":"0f8e4d4c'],
      ['not-a-uuid', '{"processId":"instance-7"}'],
      ['number', '{"processId":42}'],
      ['empty', ''],
      ['array', `["${known}"]`],
      ['no-id', '{}'],
      ['unknown-field', `{"version":2,"processId":"${known}","host":"a"}`],
    ];
    for (const side of ['java', 'sluice']) {
      for (const [name, text] of cases) {
        mkdirSync(join(root, side, name), { recursive: true });
        writeFileSync(join(root, side, name, FILE), text);
      }
    }
    // 6. Java starts on a fresh directory; Sluice reads what it wrote.
    const javaIds = await javaProcessIds([[root, 'app'], [root, 'java-fresh'], ...cases.map(([name]): [string, string] => [join(root, 'java'), name])]);
    assert.equal(javaIds.length, 2 + cases.length, javaIds.join('\n'));
    assert.equal(javaIds[0], id, "Java reads Sluice's file");
    const fromJava = instance(root, 'java-fresh');
    assert.equal(fromJava.processId, javaIds[1], "Sluice reads Java's file");
    await fromJava.close();

    for (const [i, [name, text]] of cases.entries()) {
      const javaId = javaIds[2 + i];
      const log = logger();
      const sluice = instance(join(root, 'sluice'), name, countTopology(), log.logger);
      if (name === 'unknown-field') {
        assert.equal(javaId, known, 'Java ignores the unknown fields');
        assert.equal(sluice.processId, known, 'so does Sluice');
        assert.equal(readFileSync(join(root, 'sluice', name, FILE), 'utf8'), text, 'and leaves the file alone');
      } else {
        assert.notEqual(javaId, known, `${name}: Java makes a new id`);
        assert.equal(readFileSync(join(root, 'java', name, FILE), 'utf8'), `{"processId":"${javaId}"}`, `${name}: Java writes it`);
        assert.notEqual(sluice.processId, known, `${name}: so does Sluice`);
        assert.equal(readFileSync(join(root, 'sluice', name, FILE), 'utf8'), `{"processId":"${sluice.processId}"}`, `${name}: and writes it`);
        if (name !== 'no-id') assert.match(log.warnings.join('\n'), new RegExp(`process file .*${name}.* cannot be read .* replaced with a new process id`), name);
      }
      await sluice.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
