/**
 * JoinGroup (key 11), versions 0-9.
 * v1: rebalance timeout; v2: throttle time; v4: a new member must first learn its id
 * (MEMBER_ID_REQUIRED, KIP-394); v5: group.instance.id (static membership, KIP-345); v6: flexible;
 * v7: protocol type in the answer; v8: reason; v9: skip assignment for a returning static leader.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const joinGroupHandler = defineHandler({
  api: Apis.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, request) {
    const { broker, version, header, connection } = ctx;
    if (!authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, generationId: -1, protocolType: null, protocolName: version >= 7 ? null : '', leader: '', skipAssignment: false, memberId: '', members: [] };
    }
    const result = await broker.groups.join({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      protocolType: request.protocolType,
      protocols: request.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      sessionTimeoutMs: request.sessionTimeoutMs,
      // v0 has no rebalance timeout: Kafka uses the session timeout.
      rebalanceTimeoutMs: version >= 1 ? request.rebalanceTimeoutMs : request.sessionTimeoutMs,
      clientId: header.clientId ?? '',
      clientHost: `/${connection.socket.remoteAddress ?? ''}`,
      requireKnownMemberId: version >= 4,
      supportsSkipAssignment: version >= 9,
    });
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      generationId: result.generationId,
      protocolType: version >= 7 ? result.protocolType : null,
      protocolName: result.protocolName ?? (version >= 7 ? null : ''),
      leader: result.leader,
      skipAssignment: version >= 9 && result.skipAssignment,
      memberId: result.memberId,
      members: result.members.map((m) => ({ memberId: m.memberId, groupInstanceId: version >= 5 ? m.groupInstanceId : null, metadata: m.metadata })),
    };
  },
});
