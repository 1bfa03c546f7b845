/**
 * DescribeCluster (key 60), versions 0-2. Flexible from v0; v1: endpoint type (1 brokers,
 * 2 controllers — this node is both); v2: include fenced brokers (there are none).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { CLUSTER_OPERATIONS, OPERATIONS_NOT_REQUESTED } from './authorized-operations.js';
import { defineHandler } from './handler.js';

const ENDPOINT_BROKERS = 1;
const ENDPOINT_CONTROLLERS = 2;

export const describeClusterHandler = defineHandler({
  api: Apis.DescribeCluster,
  minVersion: 0,
  maxVersion: 2,
  handle({ broker }, request) {
    const type = request.endpointType;
    if (type !== ENDPOINT_BROKERS && type !== ENDPOINT_CONTROLLERS) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, errorMessage: `Unknown endpoint type ${type}`, endpointType: type, clusterId: broker.clusterId, controllerId: -1, brokers: [], clusterAuthorizedOperations: OPERATIONS_NOT_REQUESTED };
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: type,
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      brokers: [{ brokerId: broker.nodeId, host: broker.advertised.host, port: broker.advertised.port, rack: null, isFenced: false }],
      clusterAuthorizedOperations: request.includeClusterAuthorizedOperations ? CLUSTER_OPERATIONS : OPERATIONS_NOT_REQUESTED,
    };
  },
});
