/** Shared by AlterConfigs and IncrementalAlterConfigs: applying changes to a topic, the broker or a group. */
import { ErrorCode } from '@sluice/protocol';
import { ConfigError } from '../config/definitions.ts';
import type { BrokerCore } from '../core.ts';
import { GroupConfigError } from '../groups/group-configs.ts';
import { ResourceType } from './config-codes.ts';
import { brokerResourceRefusal } from './32-describe-configs.ts';
import { errorCodeOf, messageOf } from './errors.ts';

const MIN_INSYNC_REPLICAS = 'min.insync.replicas';

export interface AlterResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
}

/**
 * Kafka's controller, with ELR on (always, here), keeps min.insync.replicas at the cluster level
 * only: a per-broker resource may neither set nor delete it, the cluster-level one may not be
 * deleted, and the legacy AlterConfigs, which replaces the cluster-level ("") set, must keep it in
 * that set.
 */
function minInsyncReplicasRefusal(resourceName: string, changes: Record<string, string | null>, incremental: boolean): string | null {
  const named = Object.hasOwn(changes, MIN_INSYNC_REPLICAS);
  if (resourceName !== '' && named) return `Broker-level ${MIN_INSYNC_REPLICAS} cannot be altered while ELR is enabled.`;
  if (resourceName === '' && (incremental ? named && changes[MIN_INSYNC_REPLICAS] === null : !named)) return `Cluster-level ${MIN_INSYNC_REPLICAS} cannot be removed while ELR is enabled.`;
  return null;
}

/** Applies `changes` (null removes an override) to one resource; `incremental` keeps other overrides. */
export async function alterResource(
  broker: BrokerCore,
  resourceType: number,
  resourceName: string,
  changes: Record<string, string | null>,
  incremental: boolean,
  validateOnly: boolean,
): Promise<AlterResult> {
  const result = (errorCode: number, errorMessage: string | null) => ({ errorCode, errorMessage, resourceType, resourceName });
  try {
    if (resourceType === ResourceType.Topic) {
      if (broker.topics.get(resourceName) === undefined) return result(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${resourceName} does not exist`);
      await broker.topics.alterConfigs(resourceName, changes, incremental, validateOnly);
      return result(ErrorCode.NONE, null);
    }
    if (resourceType === ResourceType.Broker) {
      const notThisBroker = brokerResourceRefusal(broker.nodeId, resourceName, 'alter');
      if (notThisBroker !== null) return result(ErrorCode.INVALID_REQUEST, notThisBroker);
      const layer = resourceName === '' ? 'clusterDefault' : 'perBroker';
      // Kafka's broker checks the names and values first (ConfigAdminManager), answering
      // INVALID_REQUEST; its controller then applies the ELR rule, answering INVALID_CONFIG.
      try {
        await broker.dynamicConfigs.alter(layer, changes, incremental, true);
      } catch (e) {
        if (e instanceof ConfigError) return result(ErrorCode.INVALID_REQUEST, e.message);
        throw e;
      }
      const elrRefusal = minInsyncReplicasRefusal(resourceName, changes, incremental);
      if (elrRefusal !== null) return result(ErrorCode.INVALID_CONFIG, elrRefusal);
      // In force, topic defaults included (log.retention.ms, message.max.bytes… reach every log), once on disk.
      if (!validateOnly) await broker.dynamicConfigs.alter(layer, changes, incremental, false);
      return result(ErrorCode.NONE, null);
    }
    if (resourceType === ResourceType.Group) {
      // Kafka has no cluster-wide group resource to alter (group defaults are broker settings).
      if (resourceName === '') return result(ErrorCode.INVALID_REQUEST, 'Default group resources are not allowed.');
      await broker.groupConfigs.alter(resourceName, changes, incremental, validateOnly);
      return result(ErrorCode.NONE, null);
    }
    return result(ErrorCode.INVALID_REQUEST, `Resource type ${resourceType} cannot be altered`);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof GroupConfigError) return result(ErrorCode.INVALID_CONFIG, e.message);
    const code = errorCodeOf(e);
    if (code === ErrorCode.UNKNOWN_SERVER_ERROR) broker.log.error(`altering configs of ${resourceName} failed`, e);
    return result(code, messageOf(e));
  }
}
