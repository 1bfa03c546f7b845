/**
 * FindCoordinator (key 10), versions 0-6.
 * v1: key type (0 group, 1 transaction) and error message; v3: flexible; v4: several keys at
 * once; v5-6 change nothing on this path. This single node coordinates every group and
 * transactional id.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

const GROUP = 0;
const TRANSACTION = 1;

export const findCoordinatorHandler = defineHandler({
  api: Apis.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  handle(ctx, request) {
    const { broker, connection, version } = ctx;
    const { host, port } = connection.listener.advertised;
    const known = request.keyType === GROUP || request.keyType === TRANSACTION;
    // DESCRIBE on the group or transactional id, as Kafka asks before naming its coordinator.
    const refusalOf = (key: string) => {
      if (!known) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown coordinator key type ${request.keyType}` };
      if (request.keyType === GROUP && !authorized(ctx, AclOperation.DESCRIBE, ResourceType.GROUP, key)) return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, errorMessage: null };
      if (request.keyType === TRANSACTION && !authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, key)) return { errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, errorMessage: null };
      return undefined;
    };
    const answer = (key: string) => {
      const refused = refusalOf(key);
      return refused ? { nodeId: -1, host: '', port: -1, ...refused } : { nodeId: broker.nodeId, host, port, errorCode: ErrorCode.NONE, errorMessage: null };
    };
    if (version >= 4) return { throttleTimeMs: 0, coordinators: request.coordinatorKeys.map((key) => ({ key, ...answer(key) })) };
    return { throttleTimeMs: 0, ...answer(request.key) };
  },
});
