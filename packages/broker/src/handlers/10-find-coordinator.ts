/**
 * FindCoordinator (key 10), versions 0-6.
 * v1: key type (0 group, 1 transaction) and error message; v3: flexible; v4: several keys at
 * once; v5-6 change nothing on this path. This single node coordinates every group and
 * transactional id.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.js';

const GROUP = 0;
const TRANSACTION = 1;

export const findCoordinatorHandler = defineHandler({
  api: Apis.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  handle({ broker, connection, version }, request) {
    const { host, port } = connection.listener.advertised;
    const known = request.keyType === GROUP || request.keyType === TRANSACTION;
    const errorCode = known ? ErrorCode.NONE : ErrorCode.INVALID_REQUEST;
    const errorMessage = known ? null : `Unknown coordinator key type ${request.keyType}`;
    if (version >= 4) {
      return {
        throttleTimeMs: 0,
        coordinators: request.coordinatorKeys.map((key) => ({ key, nodeId: known ? broker.nodeId : -1, host: known ? host : '', port: known ? port : -1, errorCode, errorMessage })),
      };
    }
    return { throttleTimeMs: 0, errorCode, errorMessage, nodeId: known ? broker.nodeId : -1, host: known ? host : '', port: known ? port : -1 };
  },
});
