/**
 * DescribeCluster (key 60), versions 0-2. Flexible from v0; v1: endpoint type (1 brokers,
 * 2 controllers); v2: include fenced brokers (there are none).
 *
 * Clients reach Sluice on its broker listener, so it answers as a Kafka broker's listener does: a
 * request for controllers gets MISMATCHED_ENDPOINT_TYPE, and every error answer says endpoint
 * type 1 (what the listener is).
 *
 * No ACL is checked: Kafka 4.3.1 describes the cluster to any principal, as Metadata lists its
 * brokers to anyone (tests/security/acl-matrix); DESCRIBE on the cluster only decides the
 * authorized operations reported.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { OPERATIONS_NOT_REQUESTED, authorizedOperations } from './authorized-operations.ts';
import { ResourceType } from '../acl/model.ts';
import { defineHandler } from './handler.ts';

const ENDPOINT_BROKERS = 1;
const ENDPOINT_CONTROLLERS = 2;

export const describeClusterHandler = defineHandler({
  api: Apis.DescribeCluster,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, request) {
    const { broker, connection } = ctx;
    const type = request.endpointType;
    const refuse = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, endpointType: ENDPOINT_BROKERS, clusterId: broker.clusterId, controllerId: -1, brokers: [], clusterAuthorizedOperations: OPERATIONS_NOT_REQUESTED });
    if (type === ENDPOINT_CONTROLLERS) return refuse(ErrorCode.MISMATCHED_ENDPOINT_TYPE, 'The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER');
    if (type !== ENDPOINT_BROKERS) return refuse(ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, `Unsupported endpoint type ${type}`);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: type,
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      brokers: [{ brokerId: broker.nodeId, host: connection.listener.advertised.host, port: connection.listener.advertised.port, rack: null, isFenced: false }],
      clusterAuthorizedOperations: request.includeClusterAuthorizedOperations ? authorizedOperations(ctx, ResourceType.CLUSTER) : OPERATIONS_NOT_REQUESTED,
    };
  },
});
