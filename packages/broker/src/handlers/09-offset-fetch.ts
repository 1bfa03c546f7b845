/**
 * OffsetFetch (key 9), versions 1-9.
 * v2: null topics = every committed offset of the group, and a group-level error; v3: throttle
 * time; v5: committed leader epoch; v6: flexible; v7: require stable (no pending transactional
 * commits: there are none yet); v8: several groups at once; v9: KIP-848 member id and epoch.
 * A partition without a committed offset answers -1.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import type { BrokerCore } from '../core.js';
import { defineHandler } from './handler.js';

interface Wanted {
  name: string;
  partitionIndexes: readonly number[];
}

function fetchGroup(broker: BrokerCore, groupId: string, topics: readonly Wanted[] | null, version: number) {
  const entries = topics === null ? null : topics;
  const partitionResult = (topic: string, partition: number) => {
    const c = broker.groups.committed(groupId, topic, partition);
    return {
      partitionIndex: partition,
      committedOffset: c?.offset ?? -1n,
      committedLeaderEpoch: version >= 5 ? (c?.leaderEpoch ?? -1) : -1,
      metadata: c?.metadata ?? (version >= 8 ? null : ''),
      errorCode: ErrorCode.NONE,
    };
  };
  if (entries === null) {
    const byTopic = new Map<string, number[]>();
    for (const c of broker.groups.allCommitted(groupId)) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c.partition]);
    return [...byTopic].map(([name, partitions]) => ({ name, partitions: partitions.sort((a, b) => a - b).map((p) => partitionResult(name, p)) }));
  }
  return entries.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => partitionResult(t.name, p)) }));
}

export const offsetFetchHandler = defineHandler({
  api: Apis.OffsetFetch,
  minVersion: 1,
  maxVersion: 9,
  handle({ broker, version }, request) {
    if (version >= 8) {
      return {
        throttleTimeMs: 0,
        groups: request.groups.map((g) => ({
          groupId: g.groupId,
          topics: fetchGroup(broker, g.groupId, g.topics === null ? null : g.topics.map((t) => ({ name: t.name, partitionIndexes: t.partitionIndexes })), version),
          errorCode: ErrorCode.NONE,
        })),
      };
    }
    return { throttleTimeMs: 0, topics: fetchGroup(broker, request.groupId, request.topics, version), errorCode: ErrorCode.NONE };
  },
});
