// rskafka's own integration tests (InfluxData's pure-Rust Kafka client: tests/client.rs,
// consumer.rs, producer.rs and produce_consume.rs of the published crate) against a Sluice broker
// configured as rskafka's own test brokers are: a PLAINTEXT listener (KAFKA_CONNECT), a
// SASL_PLAINTEXT one with PLAIN user admin/admin-secret (KAFKA_SASL_CONNECT), no topic
// auto-creation. TEST_JAVA_INTEROPT runs the Java client's side of produce_consume too. The crate
// comes from cargo's registry at the pinned version; its tests are compiled once into
// ~/.cache/sluice/rust. Every allow-listed test must pass; FINDINGS.md says why the others do not run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { writeResults, type SuiteResult } from '../support/results.ts';
import { ALLOW, LEFT_OUT, RSKAFKA_SETUP, RSKAFKA_VERSION } from './allow-list.ts';
import { cargoTestBinaries, crateSource, runLibtest, type LibtestRun } from './cargo.ts';

const runs = new Map<string, LibtestRun>();
let broker: Broker;
/** Who talked to the broker: client ids, and the principals seen on the SASL listener. */
const clientIds = new Set<string>();
const saslPrincipals = new Set<string>();
const record = (m: unknown) => {
  const r = m as BrokerRequestMessage;
  if (r.clientId) clientIds.add(r.clientId);
  if (r.listener === 'SASL_PLAINTEXT' && r.apiName === 'Metadata') saslPrincipals.add(r.principal);
};

before(async () => {
  const src = await crateSource('rskafka', RSKAFKA_VERSION, RSKAFKA_SETUP);
  const binaries = await cargoTestBinaries(src, Object.keys(ALLOW));
  broker = await startBroker({
    port: 0,
    config: {
      listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret";',
      // rskafka's brokers do not auto-create topics: test_non_existing_partition waits on one.
      'auto.create.topics.enable': 'false',
    },
  });
  diagnosticsChannel.subscribe(BrokerChannels.request, record);
  const env = {
    TEST_INTEGRATION: '1',
    TEST_BROKER_IMPL: 'kafka',
    KAFKA_CONNECT: broker.bootstrap,
    KAFKA_SASL_CONNECT: broker.listeners.SASL_PLAINTEXT!.bootstrap,
    TEST_JAVA_INTEROPT: '1',
    RUST_LOG: '',
  };
  // One binary at a time: each runs its tests two at a time, enough for this machine.
  for (const [name, binary] of binaries) {
    runs.set(name, await runLibtest(binary, { cwd: src, names: ALLOW[name]!, env, timeoutMs: 300_000 }));
  }
}, { timeout: 2_400_000 });

after(async () => {
  diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
  await broker?.close();
  if (runs.size === 0) return;
  const all = Object.entries(ALLOW).flatMap(([binary, names]) => names.map((n) => `${binary}::${n}`));
  const passed = Object.entries(ALLOW).flatMap(([binary, names]) => names.filter((n) => runs.get(binary)?.verdicts.get(n) === 'ok').map((n) => `${binary}::${n}`));
  const result: SuiteResult = {
    suite: 'rskafka integration tests',
    version: `rskafka ${RSKAFKA_VERSION}`,
    brokerTests: all.length + LEFT_OUT.length,
    allowListed: all.length,
    passed,
    failed: all.filter((n) => !passed.includes(n)),
    findings: 'rskafka/FINDINGS.md',
  };
  writeResults('rskafka', result);
});

for (const [binary, names] of Object.entries(ALLOW)) {
  for (const name of names) {
    test(`rskafka ${RSKAFKA_VERSION} ${binary}::${name}`, () => {
      const run = runs.get(binary);
      assert.ok(run, `tests/${binary}.rs did not run`);
      const verdict = run.verdicts.get(name);
      const captured = run.captured.get(name) ?? '';
      assert.equal(verdict, 'ok', `${name}: ${verdict}\n${captured}${verdict === 'NOT RUN' ? `\n(exit ${run.exitCode})\n${run.output.slice(-4000)}` : ''}`);
      // rskafka's tests return early, and pass, when their environment is missing: say so.
      assert.doesNotMatch(captured, /skipping/i, `${name} skipped itself`);
    });
  }
}

test('every client of the suite reached the broker: rskafka, librdkafka, the Java producer and consumer, and PLAIN on the SASL listener', () => {
  assert.ok(runs.size > 0, 'the suite did not run');
  assert.ok(clientIds.has('rskafka'), `client ids seen: ${[...clientIds].join(', ')}`);
  assert.ok(clientIds.has('rdkafka'), `client ids seen: ${[...clientIds].join(', ')}`);
  assert.ok([...clientIds].some((id) => id.startsWith('producer-')), `no Java producer among ${[...clientIds].join(', ')}`);
  assert.ok([...clientIds].some((id) => id.startsWith('consumer-')), `no Java consumer among ${[...clientIds].join(', ')}`);
  assert.deepEqual([...saslPrincipals], ['User:admin']);
});
