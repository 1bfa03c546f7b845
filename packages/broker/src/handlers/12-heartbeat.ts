/**
 * Heartbeat (key 12), versions 0-4. v1: throttle time; v3: group.instance.id; v4: flexible.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const heartbeatHandler = defineHandler({
  api: Apis.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    const { broker } = ctx;
    if (!authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    return { throttleTimeMs: 0, errorCode: broker.groups.heartbeat(request.groupId, request.memberId, request.groupInstanceId, request.generationId) };
  },
});
