/**
 * Waiting for a real broker in tests that speak raw requests (the same bytes to Sluice and to
 * Apache Kafka). On a busy machine Kafka takes a while to make a new topic's leader known and to
 * load its group coordinator; until then its answers carry retriable errors. The sibling of
 * topics.ts for tests without a client library.
 */
import { Apis, ErrorCode, errorName, isRetriable } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';
import type { RawConnection } from './raw-connection.ts';
import { KAFKA_VERSION, startApacheKafka } from './apache-kafka.ts';

/** The two brokers a differential raw-request test sends the same bytes to. */
export const rawTargets: readonly { name: string; start(): Promise<{ port: number; stop(): Promise<void> }> }[] = [
  {
    name: 'Sluice',
    async start() {
      const b = await startBroker({ port: 0 });
      return { port: b.port, stop: () => b.close() };
    },
  },
  {
    name: `Apache Kafka ${KAFKA_VERSION}`,
    async start() {
      const k = await startApacheKafka();
      return { port: k.port, stop: () => k.stop() };
    },
  },
];

/**
 * Sends `attempt` until `errorOf` its answer is NONE; errors Kafka marks retriable are tried
 * again until the deadline, others fail at once.
 */
export async function untilAccepted<T>(what: string, attempt: () => Promise<T>, errorOf: (answer: T) => number, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (let attempts = 1; ; attempts++) {
    const answer = await attempt();
    const code = errorOf(answer);
    if (code === ErrorCode.NONE) return answer;
    if (!isRetriable(code)) throw new Error(`${what}: ${errorName(code)} (${code})`);
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: still ${errorName(code)} after ${attempts} attempts over ${Math.round((Date.now() - started) / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempts)));
  }
}

/**
 * Resolves once the group coordinator takes commits: Kafka creates its offsets topic on the first
 * FindCoordinator and loads it afterwards. Commits offset 0 of `topic`-0 for a group `warm-up`.
 */
export async function groupCoordinatorReady(c: RawConnection, topic: string): Promise<void> {
  await untilAccepted('finding the group coordinator', () => c.request(Apis.FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['warm-up'] }), (r) => r.coordinators[0].errorCode);
  await untilAccepted(
    'a first offset commit',
    () => c.request(Apis.OffsetCommit, 9, { groupId: 'warm-up', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: null }] }] }),
    (r) => r.topics[0].partitions[0].errorCode,
  );
}
