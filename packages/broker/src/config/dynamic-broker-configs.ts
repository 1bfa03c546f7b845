/**
 * Broker configs changed while running (AlterConfigs and IncrementalAlterConfigs on the BROKER
 * resource), kept as Kafka keeps them in its metadata log: they survive a restart and win over the
 * properties file. Two layers, as Kafka's: the cluster-wide default (resource "") and this
 * broker's own values (resource "<node.id>"), which win over it.
 *
 * They live in the data folder's `dynamic-broker-configs` file (a DurableStateFile), format
 * version 1: JSON { version: 1, clusterDefault: { name: value }, perBroker: { name: value } },
 * rewritten whole before a change is in force or acknowledged. The data folder is one node's
 * (meta.properties names it), so perBroker holds that node's values only.
 *
 * A stored value that can no longer be used (a setting this Sluice does not know or cannot change
 * while running, a value it refuses, e.g. after an upgrade or an edit by hand) does not stop the
 * start: as Kafka, the broker logs it and skips it, the layers below in force instead. It stays in
 * the file (Kafka's metadata log keeps it too), until the layer is replaced or it is deleted.
 *
 * The cluster-level min.insync.replicas is one of them, written by the broker itself when the file
 * has none (see keepElrSafetyConfigs): from then on it is what server.properties said at that
 * start, not what it says at the next.
 */
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile } from '../durable-state-file.ts';
import type { BrokerLog } from '../log.ts';
import type { BrokerConfig, DynamicLayer, DynamicLayers } from './broker-config.ts';

export const DYNAMIC_BROKER_CONFIGS_FILE = 'dynamic-broker-configs';

function layerOf(json: unknown, field: string): Map<string, string> {
  if (json === undefined) return new Map();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TypeError(`${field} is not an object of setting names and values`);
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(json)) {
    if (typeof value !== 'string') throw new TypeError(`${field}.${name} is ${JSON.stringify(value)}, not a string`);
    out.set(name, value);
  }
  return out;
}

const DYNAMIC_BROKER_CONFIGS_FORMAT: DurableStateFormat<DynamicLayers> = {
  version: 1,
  startOver: 'remove it and set the dynamic broker configs again (kafka-configs --entity-type brokers --alter)',
  empty: () => ({ clusterDefault: new Map(), perBroker: new Map() }),
  decode: (json) => ({ clusterDefault: layerOf(json.clusterDefault, 'clusterDefault'), perBroker: layerOf(json.perBroker, 'perBroker') }),
  encode: (layers) => ({ clusterDefault: Object.fromEntries(layers.clusterDefault), perBroker: Object.fromEntries(layers.perBroker) }),
};

const MIN_INSYNC_REPLICAS = 'min.insync.replicas';

const LAYER_NAMES: Record<DynamicLayer, string> = { clusterDefault: 'the cluster-wide default (broker "")', perBroker: 'this broker' };

export class DynamicBrokerConfigStore {
  private readonly file: DurableStateFile<DynamicLayers>;
  private readonly config: BrokerConfig;
  private readonly log: BrokerLog;

  /** Every value a change puts in force reaches `config` at once, and then `changed` (the topics' broker defaults). */
  constructor(config: BrokerConfig, log: BrokerLog, changed: () => void = () => {}) {
    this.config = config;
    this.log = log;
    this.file = new DurableStateFile(DYNAMIC_BROKER_CONFIGS_FORMAT, (layers) => {
      config.setDynamicLayers(layers);
      changed();
    });
  }

  /** Reads the file and puts its layers in force; a value that cannot be used is logged and skipped. */
  async open(fs: FileSystem, path: string): Promise<void> {
    await this.file.open(fs, path);
    await this.keepElrSafetyConfigs();
    for (const s of this.config.setDynamicLayers(this.file.value)) {
      this.log.error(`${path}: ignoring the dynamic broker config ${s.name}=${s.value} of ${LAYER_NAMES[s.layer]}, which cannot be used (${s.reason}); the value below it is in force. Set it again, or delete it, with kafka-configs --entity-type brokers`);
    }
  }

  /**
   * What Kafka 4.3.1's controller writes to make eligible leader replicas (ELR) safe, which Sluice
   * has on (eligible.leader.replicas.version 1) from a data folder's first start: a cluster-level
   * min.insync.replicas, from the static value, when there is none, and no broker-level one. Kafka
   * writes it once, in the bootstrap records of a new cluster (ActivationRecordsGenerator) or when
   * ELR is turned on in an existing one (ConfigurationControlManager.maybeGenerateElrSafetyRecords,
   * only when absent); it is an ordinary dynamic value from then on, kept in the metadata log, so a
   * later edit of server.properties does not change it. Here: the first start of a new data folder.
   *
   * A data folder of an older Sluice has none in its file: that Sluice took the value from the
   * properties file at every start, in memory. It is written now from this start's static value, as
   * Kafka's upgrade writes it when ELR is turned on in a cluster that has none: what the older
   * Sluice would have put in force with the same properties file, and kept from then on.
   * A broker-level value (only an edit by hand can have put one here: Sluice refuses to set it)
   * is removed, as Kafka removes them when it turns ELR on.
   */
  private async keepElrSafetyConfigs(): Promise<void> {
    const { clusterDefault, perBroker } = this.file.value;
    if (clusterDefault.has(MIN_INSYNC_REPLICAS) && !perBroker.has(MIN_INSYNC_REPLICAS)) return;
    const messages: string[] = [];
    const next = { clusterDefault: new Map(clusterDefault), perBroker: new Map(perBroker) };
    if (!clusterDefault.has(MIN_INSYNC_REPLICAS)) {
      const value = this.config.staticMinInsyncReplicas();
      next.clusterDefault.set(MIN_INSYNC_REPLICAS, value);
      messages.push(`Generating cluster-level ${MIN_INSYNC_REPLICAS} of ${value}`);
    }
    if (next.perBroker.delete(MIN_INSYNC_REPLICAS)) messages.push(`Removing broker-level ${MIN_INSYNC_REPLICAS} for this broker`);
    await this.file.update(() => ({ next, result: undefined }));
    this.log.info(`${messages.join('. ')}.`);
  }

  /** A layer's values as stored (the ones skipped included). */
  layer(layer: DynamicLayer): ReadonlyMap<string, string> {
    return this.file.value[layer];
  }

  /**
   * Checks every change (throws ConfigError with Kafka's wording), then, unless validateOnly,
   * applies them together to `layer` and resolves once they are on disk and in force. null
   * removes a value; `incremental` false replaces the whole layer (the legacy AlterConfigs).
   */
  async alter(layer: DynamicLayer, changes: Record<string, string | null>, incremental: boolean, validateOnly: boolean): Promise<void> {
    const named = Object.entries(changes).map(([name, value]) => [this.config.checkDynamic(name, value), value] as const);
    if (validateOnly) return;
    await this.file.update((layers) => {
      const next = new Map(incremental ? layers[layer] : []);
      for (const [name, value] of named) {
        if (value === null) next.delete(name);
        else next.set(name, value);
      }
      return { next: { ...layers, [layer]: next }, result: undefined };
    });
  }
}
