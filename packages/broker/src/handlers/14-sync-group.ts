/**
 * SyncGroup (key 14), versions 0-5.
 * v1: throttle time; v3: group.instance.id; v4: flexible; v5: protocol type and name, checked
 * against the group's.
 */
import { Apis } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const syncGroupHandler = defineHandler({
  api: Apis.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle({ broker, version }, request) {
    const result = await broker.groups.sync({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      generationId: request.generationId,
      protocolType: request.protocolType,
      protocolName: request.protocolName,
      assignments: request.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
    });
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      protocolType: version >= 5 ? result.protocolType : null,
      protocolName: version >= 5 ? result.protocolName : null,
      assignment: result.assignment,
    };
  },
});
