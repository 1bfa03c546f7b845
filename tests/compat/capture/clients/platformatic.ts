// @platformatic/kafka 2.12.1 (root devDependency): flexible versions only. zstd needs Node's
// zlib zstd (Node >= 22.15), so on Node 20 it is skipped.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import zlib from 'node:zlib';
import { Admin, Consumer, Producer } from '@platformatic/kafka';
import { RECORDS, type SentRecord } from '../records.ts';
import type { CaptureClient, Scenario } from './types.ts';

const require = createRequire(import.meta.url);

// The package's exports do not include package.json: find it beside the resolved entry point.
function version(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== pkg) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

const toMessage = (topic: string) => (r: SentRecord) => ({
  topic,
  partition: 0,
  ...(r.key === null ? {} : { key: Buffer.from(r.key) }),
  ...(r.value === null ? {} : { value: Buffer.from(r.value) }),
  headers: new Map(r.headers.map(([k, v]) => [Buffer.from(k), Buffer.from(v)] as [Buffer, Buffer])),
});

type Codec = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
const hasZstd = typeof (zlib as unknown as Record<string, unknown>).zstdCompressSync === 'function';
const codecs: Codec[] = ['none', 'gzip', 'snappy', 'lz4', ...(hasZstd ? (['zstd'] as const) : [])];

const produce = (codec: Codec): Scenario => ({
  name: `produce-${codec}`,
  produces: { topic: `platformatic-${codec}`, codec, records: RECORDS },
  run: async (ctx) => {
    const producer = new Producer({ clientId: 'platformatic-capture', bootstrapBrokers: [ctx.bootstrap], compression: codec, idempotent: false });
    await producer.send({ messages: RECORDS.map(toMessage(`platformatic-${codec}`)) });
    await producer.close();
  },
});

export const platformatic: CaptureClient = {
  name: 'platformatic',
  prepare: async () => `@platformatic/kafka ${version('@platformatic/kafka')} (npm), Node ${process.versions.node}${hasZstd ? '' : ' (no zlib zstd: zstd not captured)'}`,
  scenarios: [
    ...codecs.map(produce),
    {
      name: 'produce-idempotent',
      run: async (ctx) => {
        const producer = new Producer({ clientId: 'platformatic-capture', bootstrapBrokers: [ctx.bootstrap], idempotent: true });
        await producer.send({ messages: RECORDS.map(toMessage('platformatic-idempotent')) });
        await producer.close();
      },
    },
    {
      name: 'consume-group',
      run: async (ctx) => {
        const consumer = new Consumer({ groupId: 'platformatic-capture-group', clientId: 'platformatic-capture', bootstrapBrokers: [ctx.bootstrap], heartbeatInterval: 500 });
        const stream = await consumer.consume({ topics: ['platformatic-snappy'], mode: 'earliest', autocommit: false, maxWaitTime: 500 });
        let seen = 0;
        for await (const message of stream) {
          await message.commit();
          if (++seen === RECORDS.length) break;
        }
        // stay a little so that heartbeats go out too
        await new Promise((r) => setTimeout(r, 1500));
        await stream.close();
        await consumer.close();
      },
    },
    {
      name: 'admin',
      run: async (ctx) => {
        const admin = new Admin({ clientId: 'platformatic-capture', bootstrapBrokers: [ctx.bootstrap] });
        await admin.createTopics({ topics: ['platformatic-admin'], partitions: 3, replicas: 1, configs: [{ name: 'cleanup.policy', value: 'compact' }] });
        await admin.metadata({ topics: ['platformatic-admin'] });
        await admin.describeConfigs({
          resources: [
            { resourceType: 2, resourceName: 'platformatic-admin' },
            { resourceType: 4, resourceName: '1' },
          ],
        });
        await admin.listGroups();
        await admin.describeGroups({ groups: ['platformatic-capture-group'] });
        await admin.deleteTopics({ topics: ['platformatic-admin'] });
        await admin.close();
      },
    },
  ],
};
