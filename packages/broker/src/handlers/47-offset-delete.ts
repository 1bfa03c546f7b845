/**
 * OffsetDelete (key 47), version 0. Deletes committed offsets of a group for partitions its
 * members are not subscribed to (GROUP_SUBSCRIBED_TO_TOPIC otherwise).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { GroupError } from '../groups/classic-group.js';
import { defineHandler } from './handler.js';

export const offsetDeleteHandler = defineHandler({
  api: Apis.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle({ broker }, request) {
    const flat = request.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex })));
    try {
      const codes = await broker.groups.deleteOffsets(request.groupId, flat);
      let i = 0;
      return { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: codes[i++] })) })) };
    } catch (e) {
      if (e instanceof GroupError) return { errorCode: e.errorCode, throttleTimeMs: 0, topics: [] };
      throw e;
    }
  },
});
