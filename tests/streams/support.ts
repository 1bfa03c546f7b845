/** Helpers of the streams end-to-end tests: topics, producing inputs, reading outputs, an application with its query server. */
import { Admin, Consumer, Producer } from '@sluice/client';
import { type InteractiveQueryServer, type InteractiveQueryServerOptions, type KafkaStreams, startInteractiveQueryServer } from '@sluice/streams';
import { freePort } from '@sluice/test-kit';

/** Topics ready when each partition has a leader, robust to a busy machine. */
export { createTopicsAndWait as createTopics } from '@sluice/test-kit';

export async function produce(bootstrap: string, topic: string, records: { key: string | null; value: string }[]): Promise<void> {
  const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 5 });
  try {
    await producer.sendBatch(records.map((r) => ({ topic, key: r.key, value: r.value })));
  } finally {
    await producer.close();
  }
}

export interface ReadRecord {
  key: string | null;
  value: string | null;
  partition: number;
  timestamp: number;
  /** `key=value` per header. */
  headers: string[];
}

/** Reads a topic from the beginning until `until` says it has enough (or the time is up). */
export async function readTopic(bootstrap: string, topic: string, until: (records: ReadRecord[]) => boolean, timeoutMs = 60_000): Promise<ReadRecord[]> {
  const admin = new Admin({ bootstrapServers: bootstrap });
  let partitions: number;
  try {
    partitions = (await admin.describeTopics([topic]))[0].partitions.length;
  } finally {
    await admin.close();
  }
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest' });
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition })));
  const out: ReadRecord[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(out) && Date.now() < deadline) {
      for (const r of await consumer.poll({ timeoutMs: 200 })) {
        out.push({ key: r.key?.toString() ?? null, value: r.value?.toString() ?? null, partition: r.partition, timestamp: r.timestamp, headers: r.headers.map((h) => `${h.key}=${h.value?.toString() ?? ''}`) });
      }
    }
  } finally {
    await consumer.close();
  }
  return out;
}

/**
 * A KafkaStreams (made by `make` for an application.server endpoint on a free port) with its
 * interactive query server already listening on that port. The server starts before the
 * application does: a port picked free but bound only once the application ran, seconds later on
 * a loaded machine, could be taken by another process meanwhile. A port taken in the moment
 * between the pick and the bind is picked again (up to 3 times); the application, not started
 * yet, is made anew for it.
 */
export async function queryableApp<K = string, V = unknown>(make: (applicationServer: string) => KafkaStreams, options?: InteractiveQueryServerOptions<K, V>): Promise<{ app: KafkaStreams; server: InteractiveQueryServer }> {
  for (let attempt = 1; ; attempt++) {
    const app = make(`127.0.0.1:${await freePort()}`);
    try {
      return { app, server: await startInteractiveQueryServer<K, V>(app, options) };
    } catch (e) {
      await app.close();
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw e;
    }
  }
}
