/**
 * Per-source offset reset (Kafka 4.0's `Consumed.withOffsetResetPolicy`). The client consumer has
 * one auto.offset.reset for all partitions, so the runtime applies a source's own policy itself:
 * when partitions of such a source are assigned and the group has no committed offset for them,
 * it seeks them to the beginning or the end (or fails, for 'none'). Partitions with a committed
 * offset resume from it, whatever the policy, as in Kafka.
 */
import type { Consumer, TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Topology } from '../topology/topology.ts';

export async function applySourceResetPolicies(consumer: Consumer, topology: Topology, partitions: readonly TopicPartition[], logicalOf: (physicalTopic: string) => string): Promise<void> {
  const policyOf = new Map<string, 'earliest' | 'latest' | 'none'>();
  const targets: TopicPartition[] = [];
  for (const tp of partitions) {
    const policy = topology.sourceOfTopic(logicalOf(tp.topic))?.offsetResetPolicy;
    if (policy === undefined) continue;
    policyOf.set(tp.topic, policy);
    targets.push(tp);
  }
  if (targets.length === 0) return;
  // Paused while the committed offsets are looked up: the consumer is already resolving positions
  // with the global policy, and no record from that position may reach a task before the seek.
  consumer.pause(targets);
  try {
    const committed = await consumer.committed(targets);
    const earliest: TopicPartition[] = [];
    const latest: TopicPartition[] = [];
    for (const c of committed) {
      if (c.offset !== null) continue;
      const tp = { topic: c.topic, partition: c.partition };
      const policy = policyOf.get(c.topic);
      if (policy === 'none') {
        throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `no committed offset for ${c.topic}-${c.partition} and its source's offsetResetPolicy is 'none' (Kafka: NoOffsetForPartitionException); commit an offset for the group first or choose 'earliest' or 'latest'`);
      }
      (policy === 'earliest' ? earliest : latest).push(tp);
    }
    const stillAssigned = (list: TopicPartition[]) => list.filter((tp) => consumer.assignment().some((a) => a.topic === tp.topic && a.partition === tp.partition));
    if (earliest.length > 0) consumer.seekToBeginning(stillAssigned(earliest));
    if (latest.length > 0) consumer.seekToEnd(stillAssigned(latest));
  } finally {
    // A rebalance may have taken partitions away meanwhile; resume what is still ours.
    const owned = new Set(consumer.assignment().map((a) => `${a.topic}:${a.partition}`));
    consumer.resume(targets.filter((tp) => owned.has(`${tp.topic}:${tp.partition}`)));
  }
}
