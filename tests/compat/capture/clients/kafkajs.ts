// KafkaJS 2.2.4 (root devDependency), with kafkajs-snappy 1.1.0 as its snappy codec. KafkaJS has
// no lz4 or zstd codec of its own and their plugins need native builds, so those are not captured.
import { createRequire } from 'node:module';
import kafkajsModule, { type IHeaders } from 'kafkajs';
import { RECORDS, type SentRecord } from '../records.ts';
import type { CaptureClient, Scenario } from './types.ts';

const require = createRequire(import.meta.url);
// KafkaJS is CommonJS; its named exports are not all visible to ESM imports.
const { CompressionCodecs, CompressionTypes, Kafka, logLevel } = kafkajsModule;
const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

const kafka = (bootstrap: string) => new Kafka({ clientId: 'kafkajs-capture', brokers: [bootstrap], logLevel: logLevel.NOTHING });

const toMessage = (r: SentRecord) => {
  const headers: IHeaders = {};
  for (const [k, v] of r.headers) headers[k] = v;
  return { key: r.key, value: r.value, headers, partition: 0 };
};

const CODEC = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy } as const;

const produce = (codec: keyof typeof CODEC): Scenario => ({
  name: `produce-${codec}`,
  produces: { topic: `kafkajs-${codec}`, codec, records: RECORDS },
  run: async (ctx) => {
    const producer = kafka(ctx.bootstrap).producer();
    await producer.connect();
    await producer.send({ topic: `kafkajs-${codec}`, compression: CODEC[codec], messages: RECORDS.map(toMessage) });
    await producer.disconnect();
  },
});

export const kafkajs: CaptureClient = {
  name: 'kafkajs',
  prepare: async () => {
    const snappy = require('kafkajs-snappy') as () => unknown;
    (CompressionCodecs as Record<number, unknown>)[CompressionTypes.Snappy] = snappy;
    return `kafkajs ${version('kafkajs')} (npm), kafkajs-snappy ${version('kafkajs-snappy')} (snappyjs ${version('snappyjs')}), Node ${process.versions.node}`;
  },
  scenarios: [
    produce('none'),
    produce('gzip'),
    produce('snappy'),
    {
      name: 'produce-idempotent',
      run: async (ctx) => {
        const producer = kafka(ctx.bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        await producer.send({ topic: 'kafkajs-idempotent', messages: RECORDS.map(toMessage) });
        await producer.disconnect();
      },
    },
    {
      name: 'consume-group',
      run: async (ctx) => {
        const consumer = kafka(ctx.bootstrap).consumer({ groupId: 'kafkajs-capture-group', heartbeatInterval: 300, maxWaitTimeInMs: 200 });
        await consumer.connect();
        await consumer.subscribe({ topic: 'kafkajs-gzip', fromBeginning: true });
        let seen = 0;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`KafkaJS consumed ${seen} records`)), 60_000);
          consumer
            .run({
              eachMessage: async () => {
                if (++seen === RECORDS.length) {
                  clearTimeout(timer);
                  // let a heartbeat and the offset commit go out before leaving
                  setTimeout(resolve, 2000);
                }
              },
            })
            .catch(reject);
        });
        await consumer.disconnect();
      },
    },
    {
      name: 'admin',
      run: async (ctx) => {
        const admin = kafka(ctx.bootstrap).admin();
        await admin.connect();
        await admin.createTopics({
          topics: [{ topic: 'kafkajs-admin', numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
          waitForLeaders: true,
        });
        await admin.fetchTopicMetadata({ topics: ['kafkajs-admin'] });
        await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            { type: 2, name: 'kafkajs-admin' },
            { type: 4, name: '1' },
          ],
        });
        await admin.listGroups();
        await admin.describeGroups(['kafkajs-capture-group']);
        await admin.fetchOffsets({ groupId: 'kafkajs-capture-group', topics: ['kafkajs-gzip'] });
        await admin.fetchTopicOffsets('kafkajs-gzip');
        await admin.deleteTopics({ topics: ['kafkajs-admin'] });
        await admin.disconnect();
      },
    },
  ],
};
