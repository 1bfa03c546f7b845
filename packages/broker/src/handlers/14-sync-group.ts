/**
 * SyncGroup (key 14), versions 0-5.
 * v1: throttle time; v3: group.instance.id; v4: flexible; v5: protocol type and name, checked
 * against the group's. From v5 both are mandatory: without either, Kafka answers
 * INCONSISTENT_GROUP_PROTOCOL before looking at the group.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const syncGroupHandler = defineHandler({
  api: Apis.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (!authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
    }
    if (version >= 5 && (request.protocolType === null || request.protocolName === null)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.INCONSISTENT_GROUP_PROTOCOL, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
    }
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
