/**
 * LeaveGroup (key 13), versions 0-5.
 * v1: throttle time; v3: several members at once, by member id or group.instance.id, with an
 * error per member; v4: flexible; v5: reason.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const leaveGroupHandler = defineHandler({
  api: Apis.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { broker, version } = ctx;
    if (!authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, members: [] };
    const members = version >= 3 ? request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId })) : [{ memberId: request.memberId, groupInstanceId: null }];
    const result = broker.groups.leave(request.groupId, members);
    if (version >= 3) return { throttleTimeMs: 0, errorCode: result.errorCode, members: result.members };
    return { throttleTimeMs: 0, errorCode: result.errorCode !== 0 ? result.errorCode : (result.members[0]?.errorCode ?? 0) };
  },
});
