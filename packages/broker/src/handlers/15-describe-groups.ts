/**
 * DescribeGroups (key 15), versions 0-6.
 * v1: throttle time; v3: authorized operations; v4: group.instance.id of members; v5: flexible;
 * v6: GROUP_ID_NOT_FOUND and an error message for an unknown group (before: state Dead).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { OPERATIONS_NOT_REQUESTED, authorizedOperations } from './authorized-operations.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const describeGroupsHandler = defineHandler({
  api: Apis.DescribeGroups,
  minVersion: 0,
  maxVersion: 6,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const asked = version >= 3 && request.includeAuthorizedOperations;
    const opsOf = (groupId: string) => (asked ? authorizedOperations(ctx, ResourceType.GROUP, groupId) : OPERATIONS_NOT_REQUESTED);
    return {
      throttleTimeMs: 0,
      groups: request.groups.map((groupId) => {
        if (!authorized(ctx, AclOperation.DESCRIBE, ResourceType.GROUP, groupId)) {
          return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, errorMessage: null, groupId, groupState: '', protocolType: '', protocolData: '', members: [], authorizedOperations: OPERATIONS_NOT_REQUESTED };
        }
        const g = broker.groups.groups.get(groupId);
        if (g === undefined) {
          return { errorCode: version >= 6 ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.NONE, errorMessage: version >= 6 ? `Group ${groupId} not found.` : null, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [], authorizedOperations: version >= 6 ? OPERATIONS_NOT_REQUESTED : opsOf(groupId) };
        }
        // Member metadata and assignments are only shown once the group is Stable, as in Kafka.
        const stable = g.state === 'Stable';
        return {
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          groupId,
          groupState: g.state,
          protocolType: g.protocolType ?? '',
          protocolData: g.protocolName ?? '',
          members: [...g.members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: version >= 4 ? m.groupInstanceId : null,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: stable ? m.metadataFor(g.protocolName ?? '') : Buffer.alloc(0),
            memberAssignment: stable ? m.assignment : Buffer.alloc(0),
          })),
          authorizedOperations: opsOf(groupId),
        };
      }),
    };
  },
});
