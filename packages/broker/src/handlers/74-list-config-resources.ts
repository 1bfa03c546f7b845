/**
 * ListConfigResources (key 74), versions 0-1, flexible. v0 lists CLIENT_METRICS resources only (the
 * API began as ListClientMetricsResources); v1 takes the resource types wanted, every type this
 * broker keeps configs for when the list is empty: topics (all), this broker (and its loggers),
 * groups (those with config overrides or known to the coordinator) and client metrics (none:
 * Sluice keeps no client metrics subscriptions). An unknown type is UNSUPPORTED_VERSION, as Kafka
 * 4.3.1 answers it (a type a later version may add). Without
 * DESCRIBE_CONFIGS on the cluster: CLUSTER_AUTHORIZATION_FAILED, as from Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import type { BrokerCore } from '../core.ts';
import { authorizedOnCluster } from './authorize.ts';
import { ResourceType } from './config-codes.ts';
import { defineHandler } from './handler.ts';

const CLIENT_METRICS = 16;
const ALL_TYPES = [ResourceType.Topic, ResourceType.Broker, ResourceType.BrokerLogger, CLIENT_METRICS, ResourceType.Group];

function namesOf(broker: BrokerCore, type: number): string[] | undefined {
  switch (type) {
    case ResourceType.Topic:
      return broker.topics.list().map((t) => t.name);
    case ResourceType.Broker:
    case ResourceType.BrokerLogger:
      return [String(broker.nodeId)];
    case CLIENT_METRICS:
      return [];
    case ResourceType.Group:
      return [...new Set([...broker.groupConfigs.groupsWithOverrides(), ...broker.groups.groups.keys()])];
    default:
      return undefined;
  }
}

export const listConfigResourcesHandler = defineHandler({
  api: Apis.ListConfigResources,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const answer = (errorCode: number, configResources: { resourceName: string; resourceType: number }[] = []) => ({ throttleTimeMs: 0, errorCode, configResources });
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE_CONFIGS)) return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    const types = ctx.version === 0 ? [CLIENT_METRICS] : request.resourceTypes.length === 0 ? ALL_TYPES : request.resourceTypes;
    const resources = [];
    for (const type of types) {
      const names = namesOf(ctx.broker, type);
      if (names === undefined) return answer(ErrorCode.UNSUPPORTED_VERSION);
      for (const resourceName of names) resources.push({ resourceName, resourceType: type });
    }
    return answer(ErrorCode.NONE, resources);
  },
});
