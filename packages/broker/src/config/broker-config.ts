/**
 * The broker's effective configuration: defaults from the definition tables, then a properties
 * file, then `--set` overrides, then dynamic changes made through AlterConfigs. Values are parsed
 * and validated once, when set.
 */
import { BROKER_CONFIGS, ConfigError, type ConfigDefinition, TOPIC_DEFAULT_NAMES, UNIT_ALIASES, parseValue } from './definitions.ts';
import { refuseUnsupportedSecurity } from './security.ts';

export type ConfigSource = 'DEFAULT_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DYNAMIC_DEFAULT_BROKER_CONFIG';

interface Entry {
  def: ConfigDefinition;
  raw: string | null;
  value: unknown;
  source: ConfigSource;
}

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

  constructor(definitions: readonly ConfigDefinition[] = BROKER_CONFIGS) {
    for (const def of definitions) {
      this.entries.set(def.name, { def, raw: def.default, value: def.default === null ? null : parseValue(def, def.default), source: 'DEFAULT_CONFIG' });
      for (const s of def.synonyms ?? []) this.aliases.set(s, def.name);
    }
  }

  private entry(name: string): Entry | undefined {
    return this.entries.get(this.aliases.get(name) ?? name);
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
      e.value = parseValue(e.def, raw);
      e.raw = raw;
      e.source = 'STATIC_BROKER_CONFIG';
    }
  }

  /** A change made while running (IncrementalAlterConfigs on the broker); null restores the static value. */
  applyDynamic(name: string, raw: string | null, validateOnly = false): void {
    const e = this.entry(name);
    if (e === undefined) throw new ConfigError(`Unknown broker configuration ${name}`);
    if (!e.def.dynamic) throw new ConfigError(`Broker configuration ${name} cannot be changed while the broker runs; set it in the config file`);
    // Kafka's controller keeps the cluster-level min.insync.replicas while ELR is on (always, here).
    if (raw === null && e.def.name === 'min.insync.replicas') throw new ConfigError('Cluster-level min.insync.replicas cannot be removed while ELR is enabled.');
    if (raw === null) {
      const value = e.def.default === null ? null : parseValue(e.def, e.def.default);
      if (!validateOnly) Object.assign(e, { raw: e.def.default, value, source: 'DEFAULT_CONFIG' as const });
      return;
    }
    const value = parseValue(e.def, raw);
    if (!validateOnly) Object.assign(e, { raw, value, source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' as const });
  }

  /**
   * What Kafka 4.x's controller does before it enables ELR (eligible.leader.replicas.version 1,
   * finalized on every new cluster since 4.1, and by Sluice): the cluster-level dynamic
   * min.insync.replicas is set to the static value, so a fresh cluster describes it, and every
   * topic's min.insync.replicas, as DYNAMIC_DEFAULT_BROKER_CONFIG.
   */
  applyElrSafetyDefault(): void {
    const e = this.entry('min.insync.replicas')!;
    if (e.source !== 'DYNAMIC_DEFAULT_BROKER_CONFIG') this.applyDynamic(e.def.name, e.raw);
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

  /** Every setting with its raw value and where it came from, for DescribeConfigs. */
  describe(): { name: string; value: string | null; source: ConfigSource; def: ConfigDefinition }[] {
    return [...this.entries.values()].map((e) => ({ name: e.def.name, value: e.raw, source: e.source, def: e.def })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
