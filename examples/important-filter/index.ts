/**
 * The Kafka Streams classic: read `source-topic`, keep the values that contain "important",
 * write them to `destination-topic`.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 npm run example:important-filter
 */
import { Admin } from '@sluice/client';
import { KafkaStreams, Serdes, StreamsBuilder } from '@sluice/streams';

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';

// The topics must exist before the application starts (as with Kafka Streams); create them if not.
const admin = new Admin({ bootstrapServers });
await admin.createTopics(
  [
    { name: 'source-topic', numPartitions: 1 },
    { name: 'destination-topic', numPartitions: 1 },
  ],
  { ifNotExists: true },
);
await admin.close();

// The pipeline.
const builder = new StreamsBuilder();
builder
  .stream('source-topic', { keySerde: Serdes.String(), valueSerde: Serdes.String() })
  .filter((_key, value) => value !== null && value.includes('important'))
  .to('destination-topic');
const streams = new KafkaStreams(builder.build(), { applicationId: 'important-filter', bootstrapServers });

streams.setStateListener((state) => console.log(`important-filter: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0));
  });
}
console.log(`important-filter: reading source-topic on ${bootstrapServers}, writing what is important to destination-topic (Ctrl-C stops)`);
console.log(builder.build().describe().toString());
await streams.start();
