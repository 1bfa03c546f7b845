/**
 * The bytes of the "consumer" protocol inside JoinGroup metadata and SyncGroup assignments: an
 * int16 version, then ConsumerProtocolSubscription or ConsumerProtocolAssignment (generated
 * codecs). Newer versions only append fields, so a version above the newest we know is read as
 * that newest version (Java does the same).
 */
import {
  Reader,
  Writer,
  decodeConsumerProtocolAssignment,
  decodeConsumerProtocolSubscription,
  encodeConsumerProtocolAssignment,
  encodeConsumerProtocolSubscription,
} from '@sluice/protocol';
import { ClientErrorCode, KafkaError } from '../errors.ts';
import type { Assignment, Subscription, TopicPartition } from './assignors.ts';

export const CONSUMER_PROTOCOL_VERSION = 3;

function groupByTopic(partitions: readonly TopicPartition[]): { topic: string; partitions: number[] }[] {
  const map = new Map<string, number[]>();
  for (const tp of partitions) {
    const list = map.get(tp.topic);
    if (list) list.push(tp.partition);
    else map.set(tp.topic, [tp.partition]);
  }
  return [...map].map(([topic, list]) => ({ topic, partitions: list.sort((a, b) => a - b) }));
}

export function encodeSubscription(s: Omit<Subscription, 'groupInstanceId'>, version = CONSUMER_PROTOCOL_VERSION): Buffer {
  const w = new Writer(128);
  w.int16(version);
  encodeConsumerProtocolSubscription(
    w,
    {
      topics: [...s.topics].sort(),
      userData: s.userData,
      ownedPartitions: version >= 1 ? groupByTopic(s.ownedPartitions) : [],
      generationId: version >= 2 ? s.generationId : -1,
      rackId: version >= 3 ? s.rackId : null,
    },
    version,
  );
  return w.finish();
}

export function decodeSubscription(bytes: Buffer, groupInstanceId: string | null): Subscription {
  try {
    const r = new Reader(bytes);
    const version = r.int16();
    if (version < 0) throw new Error(`negative version ${version}`);
    const s = decodeConsumerProtocolSubscription(r, Math.min(version, CONSUMER_PROTOCOL_VERSION));
    return {
      topics: s.topics,
      userData: s.userData,
      ownedPartitions: s.ownedPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition }))),
      generationId: s.generationId,
      rackId: s.rackId,
      groupInstanceId,
    };
  } catch (e) {
    throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `cannot read a member's consumer subscription: ${(e as Error).message}`, { cause: e });
  }
}

export function encodeAssignment(a: Assignment, version = CONSUMER_PROTOCOL_VERSION): Buffer {
  const w = new Writer(128);
  w.int16(version);
  encodeConsumerProtocolAssignment(w, { assignedPartitions: groupByTopic(a.partitions), userData: a.userData ?? null }, version);
  return w.finish();
}

export function decodeAssignment(bytes: Buffer): Assignment {
  // An empty assignment (a member the leader left out, or a broker filling a gap) is no partitions.
  if (bytes.length === 0) return { partitions: [], userData: null };
  try {
    const r = new Reader(bytes);
    const version = r.int16();
    if (version < 0) throw new Error(`negative version ${version}`);
    const a = decodeConsumerProtocolAssignment(r, Math.min(version, CONSUMER_PROTOCOL_VERSION));
    return {
      partitions: a.assignedPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition }))),
      userData: a.userData,
    };
  } catch (e) {
    throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `cannot read the consumer assignment: ${(e as Error).message}`, { cause: e });
  }
}
