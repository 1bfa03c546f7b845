/**
 * The broker's effective configuration, in Kafka's layers, the highest set one in force: a
 * setting's default from the definition tables (DEFAULT_CONFIG), the properties file and `--set`
 * overrides (STATIC_BROKER_CONFIG), the cluster-wide dynamic default set by AlterConfigs on the
 * broker resource "" (DYNAMIC_DEFAULT_BROKER_CONFIG), and the dynamic value of this broker alone,
 * set on the resource "<node.id>" (DYNAMIC_BROKER_CONFIG). Removing a dynamic value falls back to
 * the next layer. Values are parsed and validated once, when set; the dynamic layers are kept in
 * the data folder by config/dynamic-broker-configs.ts and given here whole.
 */
import { BROKER_CONFIGS, ConfigError, type ConfigDefinition, TOPIC_DEFAULT_NAMES, UNIT_ALIASES, parseValue } from './definitions.ts';
import { refuseUnsupportedSecurity } from './security.ts';

export type ConfigSource = 'DEFAULT_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DYNAMIC_DEFAULT_BROKER_CONFIG' | 'DYNAMIC_BROKER_CONFIG';

/** Which dynamic layer: the cluster-wide default (broker resource "") or this broker's own (resource "<node.id>"). */
export type DynamicLayer = 'clusterDefault' | 'perBroker';

/** The dynamic values of both layers, by setting name, as given (not yet checked). */
export interface DynamicLayers {
  readonly clusterDefault: ReadonlyMap<string, string>;
  readonly perBroker: ReadonlyMap<string, string>;
}

/** A stored dynamic value that cannot be used (unknown or static setting, bad value): skipped, as Kafka skips it. */
export interface SkippedDynamicValue {
  layer: DynamicLayer;
  name: string;
  value: string;
  reason: string;
}

/** One layer's value of a setting, as DescribeConfigs lists it among the synonyms. */
export interface ConfigSynonym {
  name: string;
  value: string | null;
  source: ConfigSource;
}

interface Parsed {
  raw: string;
  value: unknown;
}

interface Entry {
  def: ConfigDefinition;
  /** The value in force and its layer. */
  raw: string | null;
  value: unknown;
  source: ConfigSource;
  /** The file's or --set value, if any. */
  static: Parsed | undefined;
}

/**
 * Kafka's default-layer synonym of the millisecond settings whose default Kafka gives in hours
 * (its log.retention.ms, log.roll.ms and log.roll.jitter.ms have none of their own): DescribeConfigs
 * lists it after the layers set, and not at all when none is.
 */
const KAFKA_HOURS_DEFAULTS: Readonly<Record<string, ConfigSynonym>> = {
  'log.retention.ms': { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
  'log.roll.ms': { name: 'log.roll.hours', value: '168', source: 'DEFAULT_CONFIG' },
  'log.roll.jitter.ms': { name: 'log.roll.jitter.hours', value: '0', source: 'DEFAULT_CONFIG' },
};

/** Parses Java .properties text: key=value or key: value, # and ! comments, \ continuations. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i].trimStart();
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim();
    else out[line.trim()] = '';
  }
  return out;
}

/** Secrets of the TLS and SASL settings: never in the table, never described. */
const SECRET_SETTINGS = new Set(['ssl.keystore.password', 'ssl.key.password', 'ssl.truststore.password', 'ssl.keystore.key', 'ssl.keystore.certificate.chain', 'ssl.truststore.certificates', 'sasl.jaas.config']);

function isScopedSetting(name: string): boolean {
  return name.startsWith('listener.name.') || SECRET_SETTINGS.has(name) || name.endsWith('.sasl.jaas.config');
}

export class BrokerConfig {
  private readonly entries = new Map<string, Entry>();
  private readonly aliases = new Map<string, string>();
  /** Keys given that no table knows: reported, not fatal (Kafka warns about them too). */
  readonly unknownKeys: string[] = [];
  /**
   * Per-listener settings (listener.name.<listener>.…) and secrets (passwords, inline keys, JAAS
   * configs), kept as given and out of the table, so that DescribeConfigs never shows them.
   */
  private readonly scoped = new Map<string, string>();
  /** The usable values of the dynamic layers, by the setting's own name. */
  private dynamic: Record<DynamicLayer, Map<string, Parsed>> = { clusterDefault: new Map(), perBroker: new Map() };

  constructor(definitions: readonly ConfigDefinition[] = BROKER_CONFIGS) {
    for (const def of definitions) {
      this.entries.set(def.name, { def, raw: def.default, value: def.default === null ? null : parseValue(def, def.default), source: 'DEFAULT_CONFIG', static: undefined });
      for (const s of def.synonyms ?? []) this.aliases.set(s, def.name);
    }
  }

  private entry(name: string): Entry | undefined {
    return this.entries.get(this.aliases.get(name) ?? name);
  }

  /** A layer's usable value of `e`, if it has one. */
  private layerValue(layer: DynamicLayer, e: Entry): Parsed | undefined {
    return this.dynamic[layer].get(e.def.name);
  }

  /** Puts in force the highest layer that has a value. */
  private settle(e: Entry): void {
    const perBroker = this.layerValue('perBroker', e);
    const clusterDefault = this.layerValue('clusterDefault', e);
    const [chosen, source]: [Parsed | undefined, ConfigSource] =
      perBroker !== undefined ? [perBroker, 'DYNAMIC_BROKER_CONFIG'] : clusterDefault !== undefined ? [clusterDefault, 'DYNAMIC_DEFAULT_BROKER_CONFIG'] : e.static !== undefined ? [e.static, 'STATIC_BROKER_CONFIG'] : [undefined, 'DEFAULT_CONFIG'];
    if (chosen === undefined) Object.assign(e, { raw: e.def.default, value: e.def.default === null ? null : parseValue(e.def, e.def.default), source });
    else Object.assign(e, { raw: chosen.raw, value: chosen.value, source });
  }

  /** Applies static settings (file or command line); throws ConfigError on a bad value. */
  applyStatic(settings: Record<string, string>): void {
    refuseUnsupportedSecurity(settings);
    for (const [given, givenRaw] of Object.entries(settings)) {
      let name = given;
      let raw = givenRaw;
      const alias = UNIT_ALIASES[given];
      if (alias !== undefined) {
        // log.retention.hours and friends: only when the millisecond setting is not given too.
        if (settings[alias.name] !== undefined) continue;
        const n = Number(givenRaw.trim());
        if (!Number.isInteger(n)) throw new ConfigError(`Invalid value ${JSON.stringify(givenRaw)} for configuration ${given}: expected a whole number`);
        name = alias.name;
        raw = String(n * alias.factor);
      }
      if (isScopedSetting(name)) {
        this.scoped.set(name, raw);
        continue;
      }
      const e = this.entry(name);
      if (e === undefined) {
        this.unknownKeys.push(name);
        continue;
      }
      e.static = { raw, value: parseValue(e.def, raw) };
      this.settle(e);
    }
  }

  /**
   * Checks a dynamic change (null: removing the value) as Kafka checks it, and returns the
   * setting's own name (a name no table knows as given); throws ConfigError with Kafka's wording when it is refused.
   */
  checkDynamic(name: string, raw: string | null): string {
    const e = this.entry(name);
    // A removal is never refused for its name: Kafka checks the layer as the change leaves it, in
    // which the name no longer is. A value stored once and no longer usable (skipped at start)
    // can so be deleted.
    if (raw === null) return e?.def.name ?? name;
    // Kafka stores a name it does not know; Sluice refuses it, so that a typo is not silently kept.
    if (e === undefined) throw new ConfigError(`Unknown broker configuration ${name}`);
    if (!e.def.dynamic) throw new ConfigError(`Cannot update these configs dynamically: [${name}]`);
    parseValue(e.def, raw);
    return e.def.name;
  }

  /**
   * Puts both dynamic layers in force, whole (what the data folder's file holds). A value that
   * cannot be used (a setting unknown or no longer dynamic, a value no longer valid, e.g. after an
   * upgrade) is skipped, as Kafka skips an invalid dynamic config, and returned so that the
   * caller can say so; the layers below it are in force instead.
   */
  setDynamicLayers(layers: DynamicLayers): SkippedDynamicValue[] {
    const skipped: SkippedDynamicValue[] = [];
    const usable = (layer: DynamicLayer) => {
      const out = new Map<string, Parsed>();
      for (const [name, raw] of layers[layer]) {
        try {
          const own = this.checkDynamic(name, raw);
          out.set(own, { raw, value: parseValue(this.entries.get(own)!.def, raw) });
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
          skipped.push({ layer, name, value: raw, reason: e.message });
        }
      }
      return out;
    };
    this.dynamic = { clusterDefault: usable('clusterDefault'), perBroker: usable('perBroker') };
    for (const e of this.entries.values()) this.settle(e);
    return skipped;
  }

  /**
   * min.insync.replicas as Kafka's controller reads it when it writes the cluster-level value that
   * eligible leader replicas need (getStaticallyConfiguredMinInsyncReplicas): the properties file's
   * (or --set) value, else the default, whatever the dynamic layers hold; written as a plain integer.
   */
  staticMinInsyncReplicas(): string {
    const e = this.entry('min.insync.replicas')!;
    return String(e.static?.value ?? parseValue(e.def, e.def.default!));
  }

  /** Where a setting's value comes from. */
  sourceOf(name: string): ConfigSource {
    const e = this.entry(name);
    if (e === undefined) throw new ConfigError(`Unknown broker configuration ${name}`);
    return e.source;
  }

  /** A per-listener or secret setting as given, or undefined (security/listener-settings.ts reads these). */
  scopedSetting(name: string): string | undefined {
    return this.scoped.get(name);
  }

  /** The names of the per-listener settings given (listener.name.<listener>.…), without their values. */
  listenerSettingNames(): string[] {
    return [...this.scoped.keys()].filter((name) => name.startsWith('listener.name.'));
  }

  /**
   * The list a dynamic APPEND or SUBTRACT on `layer` starts from, as Kafka's controller takes it:
   * the layer's own value, else the setting's default (not the value in force).
   */
  dynamicListBase(layer: DynamicLayer, name: string): string | null {
    const e = this.entry(name);
    if (e === undefined) return null;
    return this.dynamic[layer].get(e.def.name)?.raw ?? e.def.default;
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  get(name: string): unknown {
    const e = this.entry(name);
    if (e === undefined) throw new ConfigError(`Unknown broker configuration ${name}`);
    return e.value;
  }

  int(name: string): number {
    return this.get(name) as number;
  }

  bool(name: string): boolean {
    return this.get(name) as boolean;
  }

  string(name: string): string | null {
    return this.get(name) as string | null;
  }

  /** Broker-level topic defaults that were set (log.retention.ms…), for the storage engine. */
  topicDefaults(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.entries.values()) if (TOPIC_DEFAULT_NAMES.has(e.def.name) && e.source !== 'DEFAULT_CONFIG' && e.raw !== null) out[e.def.name] = e.raw;
    if (this.entries.get('message.max.bytes')?.source !== 'DEFAULT_CONFIG') out['message.max.bytes'] = String(this.entries.get('message.max.bytes')!.raw);
    return out;
  }

  /**
   * Every layer's value of `e`, highest first, as Kafka lists a broker config's synonyms: this
   * broker's dynamic value, the cluster-wide one, the static one, the default (Kafka's hours form
   * for the settings it defaults in hours, then listed only after a layer that is set).
   */
  private synonyms(e: Entry): ConfigSynonym[] {
    const out: ConfigSynonym[] = [];
    const name = e.def.name;
    const perBroker = this.layerValue('perBroker', e);
    const clusterDefault = this.layerValue('clusterDefault', e);
    if (perBroker !== undefined) out.push({ name, value: perBroker.raw, source: 'DYNAMIC_BROKER_CONFIG' });
    if (clusterDefault !== undefined) out.push({ name, value: clusterDefault.raw, source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    if (e.static !== undefined) out.push({ name, value: e.static.raw, source: 'STATIC_BROKER_CONFIG' });
    const inHours = KAFKA_HOURS_DEFAULTS[name];
    if (inHours !== undefined) {
      if (out.length > 0) out.push(inHours);
    } else if (e.def.default !== null) out.push({ name, value: e.def.default, source: 'DEFAULT_CONFIG' });
    return out;
  }

  /**
   * Every setting with its raw value, where it came from and its synonyms, for DescribeConfigs of
   * this broker; with `clusterDefault`, of the broker resource "": only the settings of the
   * cluster-wide layer, with that layer's value, as Kafka describes it.
   */
  describe(clusterDefault = false): { name: string; value: string | null; source: ConfigSource; synonyms: ConfigSynonym[]; def: ConfigDefinition }[] {
    const all = [...this.entries.values()].sort((a, b) => a.def.name.localeCompare(b.def.name));
    if (!clusterDefault) return all.map((e) => ({ name: e.def.name, value: e.raw, source: e.source, synonyms: this.synonyms(e), def: e.def }));
    return all.flatMap((e) => {
      const set = this.layerValue('clusterDefault', e);
      if (set === undefined) return [];
      const source = 'DYNAMIC_DEFAULT_BROKER_CONFIG' as const;
      return [{ name: e.def.name, value: set.raw, source, synonyms: [{ name: e.def.name, value: set.raw, source }], def: e.def }];
    });
  }
}
