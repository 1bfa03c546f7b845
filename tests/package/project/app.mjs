// Runs in a new project outside the repository, with Sluice installed from the packed tarballs
// and no TypeScript loader: plain JavaScript against the published dist/. It starts a broker,
// produces and consumes with the client, runs a streams topology, converts and transforms a
// Connect record, then prints the broker's
// address and keeps it up until its standard input closes, so the test can run the installed
// `sluice` command against it. Each step prints one JSON line.
import { startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { KafkaStreams, Serdes, Stores, StreamsBuilder } from '@sluice/streams';
import { Schema, SchemaBuilder, SourceRecord, Struct } from '@sluice/connect-api';
import { JsonConverter, builtinPlugins, transformationChain } from '@sluice/connect';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const quiet = { info() {}, warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) };

const broker = await startBroker({ port: 0, log: quiet });
const bootstrapServers = broker.bootstrap;
say({ step: 'broker', bootstrapServers, node: process.version });

const admin = new Admin({ bootstrapServers });
await admin.createTopics([
  { name: 'greetings', numPartitions: 2 },
  { name: 'events', numPartitions: 1 },
  { name: 'important-events', numPartitions: 1 },
]);

// Client: what is produced comes back, every codec included (zstd is Node's own zlib).
const sent = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
for (const [i, compression] of sent.entries()) {
  const producer = new Producer({ bootstrapServers, compression });
  await producer.send({ topic: 'greetings', key: `k${i}`, value: `hello ${compression}` });
  await producer.close();
}
const consumer = new Consumer({ bootstrapServers, groupId: 'package-test', autoOffsetReset: 'earliest' });
consumer.subscribe(['greetings']);
const received = [];
for await (const batch of consumer) {
  for (const record of batch.records) received.push(`${record.key.toString()}=${record.value.toString()}`);
  if (received.length >= sent.length) break;
}
await consumer.close();
say({ step: 'client', received: received.sort() });

// Streams: the classic filter, through the broker.
const builder = new StreamsBuilder();
builder
  .stream('events', { keySerde: Serdes.String(), valueSerde: Serdes.String() })
  .filter((_key, value) => value.includes('important'))
  .to('important-events');
const streams = new KafkaStreams(builder.build(), { applicationId: 'package-test-filter', bootstrapServers });
await streams.start();
const producer = new Producer({ bootstrapServers });
for (const value of ['boring 1', 'important 2', 'boring 3', 'important 4']) await producer.send({ topic: 'events', value });
const output = new Consumer({ bootstrapServers, groupId: 'package-test-output', autoOffsetReset: 'earliest' });
output.subscribe(['important-events']);
const filtered = [];
for await (const batch of output) {
  for (const record of batch.records) filtered.push(record.value.toString());
  if (filtered.length >= 2) break;
}
await output.close();
await streams.close();
await producer.close();
await admin.close();
say({ step: 'streams', filtered });

// State stores: a persistent store (Node's own SQLite) written, closed and opened again on this Node.
const stateDir = mkdtempSync(join(tmpdir(), 'sluice-package-state-'));
const storeContext = { applicationId: 'package-test', taskId: '0_0', stateDir, appConfigs: {}, register() {}, logChange() {}, recordContext: () => null };
const openStore = () => {
  const store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.String(), Serdes.Int64()).withLoggingDisabled().build();
  store.init(storeContext, store);
  return store;
};
const counts = openStore();
counts.put('b', 1n);
counts.put('a', 41n);
counts.close();
const reopened = openStore();
const stored = [...reopened.all()].map(({ key, value }) => `${key}=${value}`);
reopened.close();
rmSync(stateDir, { recursive: true, force: true });
say({ step: 'stores', stored });

// Connect: a struct through Kafka's JsonConverter envelope and back, with a transform on the way.
const order = SchemaBuilder.struct().name('shop.Order').field('id', Schema.INT64_SCHEMA).field('item', Schema.STRING_SCHEMA).build();
const chain = transformationChain({ transforms: 'origin', 'transforms.origin.type': 'InsertField$Value', 'transforms.origin.static.field': 'origin', 'transforms.origin.static.value': 'app' }, builtinPlugins());
const sourced = chain.apply(new SourceRecord({ sourcePartition: null, sourceOffset: null, topic: 'orders', valueSchema: order, value: new Struct(order).put('id', 42n).put('item', 'tea') }));
const json = new JsonConverter();
json.configure({ 'schemas.enable': 'true' }, false);
const bytes = json.fromConnectData('orders', sourced.valueSchema, sourced.value);
const readBack = json.toConnectData('orders', bytes).value;
say({ step: 'connect', payload: JSON.parse(Buffer.from(bytes).toString()).payload, origin: readBack.get('origin') });

say({ step: 'ready', bootstrapServers });
process.stdin.resume();
await new Promise((resolve) => process.stdin.on('end', resolve));
await broker.close();
say({ step: 'closed' });
