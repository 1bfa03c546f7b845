/**
 * The broker's state as handlers see it.
 */
import type { BrokerConfig } from './config/broker-config.ts';
import type { DynamicBrokerConfigStore } from './config/dynamic-broker-configs.ts';
import type { DelayedOperations } from './delayed/delayed-operations.ts';
import type { FetchSessionCache } from './fetch/fetch-sessions.ts';
import type { GroupCoordinator } from './groups/coordinator.ts';
import type { BrokerLog } from './log.ts';
import type { AclAuthorizer } from './acl/authorizer.ts';
import type { FinalizedFeatureStore } from './feature-store.ts';
import type { GroupConfigStore } from './groups/group-configs.ts';
import type { BrokerQuotas } from './quotas/index.ts';
import type { ScramCredentialStore } from './security/scram-credentials.ts';
import type { Topics } from './topics/types.ts';
import type { TransactionCoordinator } from './transactions/index.ts';

export type { BrokerLog };

export interface AdvertisedApi {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface BrokerCore {
  readonly nodeId: number;
  readonly clusterId: string;
  /** The data folder (log.dirs, or the temporary folder of an embedded broker): DescribeLogDirs names it. */
  readonly dataDir: string;
  /** The data folder's directory.id (meta.properties), Kafka's log directory id. */
  readonly directoryId: string;
  /** The address given to clients in Metadata, FindCoordinator and DescribeCluster. */
  readonly advertised: { host: string; port: number };
  readonly advertisedApis: readonly AdvertisedApi[];
  readonly config: BrokerConfig;
  /** The config's dynamic layers (AlterConfigs on the BROKER resource), durable in the data folder. */
  readonly dynamicConfigs: DynamicBrokerConfigStore;
  readonly topics: Topics;
  readonly delayed: DelayedOperations;
  /** Incremental fetch sessions (KIP-227). */
  readonly fetchSessions: FetchSessionCache;
  readonly groups: GroupCoordinator;
  readonly transactions: TransactionCoordinator;
  /** The finalized feature levels and their epoch (KIP-584), reported in ApiVersions and changed by UpdateFeatures. */
  readonly features: FinalizedFeatureStore;
  readonly log: BrokerLog;
  /** A new producer id, never handed out before by this data directory. */
  allocateProducerId(): Promise<bigint>;
  /** The ACL authorizer (authorizer.class.name set), or undefined: every request allowed, as Kafka without one. */
  readonly authorizer: AclAuthorizer | undefined;
  /** SCRAM users, durable in the data folder (AlterUserScramCredentials, DescribeUserScramCredentials). */
  readonly scramCredentials: ScramCredentialStore;
  /** Per-group config overrides (the GROUP config resource), durable in the data folder. */
  readonly groupConfigs: GroupConfigStore;
  /** Client quotas, durable in the data folder, and their enforcement (DescribeClientQuotas, AlterClientQuotas). */
  readonly quotas: BrokerQuotas;
  /**
   * Settings whose value in force was decided at start (the data folder, the cluster id, the
   * listeners' bound ports and advertised addresses): DescribeConfigs reports these, as Kafka
   * reports what it runs with, rather than the settings' defaults. Filled once the listeners are bound.
   */
  readonly startupValues: Map<string, string>;
}

/** Delayed-operation key of a partition: fetches wait on it, appends notify it. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
