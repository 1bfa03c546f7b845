/**
 * Creating a test's topics on a real broker (Sluice or Apache Kafka), robust to a busy machine.
 *
 * On a loaded 2-core VM Apache Kafka can take seconds to show a topic it has just created in its
 * metadata: KafkaJS's `createTopics({ waitForLeaders: true })` then gives up with
 * UNKNOWN_TOPIC_OR_PARTITION after its few retries, and a test fails in its setup for nothing it
 * tests. Here every step is retried on retriable errors until one generous deadline, and the
 * topics are ready only when metadata lists each of their partitions with a leader. The topics
 * are made by KafkaJS's admin, a third party to both brokers.
 */
import kafkajs from 'kafkajs';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic configs (Kafka names). */
  configs?: Record<string, string>;
}

export interface CreateTopicsOptions {
  /** How long creation and the wait for leaders may take in all (default 120 s). */
  timeoutMs?: number;
}

/** A step that cannot succeed yet: retried until the deadline. */
class NotReadyYet extends Error {}

/** KafkaJS marks retriable protocol errors; connection troubles and exhausted retries are worth another try too. */
function isRetriable(e: unknown): boolean {
  if (e instanceof NotReadyYet) return true;
  const err = e as { retriable?: unknown; name?: unknown };
  if (err?.retriable === true) return true;
  return ['KafkaJSConnectionError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound', 'KafkaJSMetadataNotLoaded', 'KafkaJSConnectionClosedError', 'KafkaJSTimeout'].includes(String(err?.name));
}

/** Runs `step` until it succeeds, a non-retriable error, or the deadline (a message says which and why). */
export async function retryUntil<T>(what: string, deadline: number, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      if (!isRetriable(e)) throw new Error(`${what} failed: ${reason}`, { cause: e });
      if (Date.now() >= deadline) throw new Error(`${what}: still not done after ${attempt} attempts over ${Math.round((Date.now() - started) / 1000)} s; last: ${reason}`, { cause: e });
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempt)));
    }
  }
}

/**
 * Creates the topics (an existing one with that name counts as created) and resolves once the
 * broker's metadata lists every partition of each with a leader.
 */
export async function createTopicsAndWait(bootstrap: string, topics: readonly TopicSpec[], options: CreateTopicsOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const names = topics.map((t) => t.name);
  const label = `topics ${names.join(', ')} on ${bootstrap}`;
  const admin = new kafkajs.Kafka({ clientId: 'sluice-test-setup', brokers: [bootstrap], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await retryUntil(`connecting to ${bootstrap}`, deadline, () => admin.connect());
  try {
    await retryUntil(`creating ${label}`, deadline, () =>
      admin.createTopics({
        topics: topics.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1, configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })) })),
      }),
    );
    await retryUntil(`waiting for leaders of ${label}`, deadline, async () => {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: names });
      for (const t of topics) {
        const meta = described.find((d) => d.name === t.name);
        if (meta === undefined) throw new NotReadyYet(`${t.name} is not in the metadata yet`);
        const led = meta.partitions.filter((p) => p.partitionErrorCode === 0 && p.leader >= 0).length;
        if (led < t.partitions) throw new NotReadyYet(`${t.name} has ${led} of ${t.partitions} partitions with a leader`);
      }
    });
  } finally {
    await admin.disconnect();
  }
}
