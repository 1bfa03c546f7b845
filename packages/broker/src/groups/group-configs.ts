/**
 * Per-group config overrides (KIP-848's GROUP config resource, type 32): the names, types and
 * defaults Kafka 4.3.1 lists for a group, each default being a broker setting (its synonym), so
 * that kafka-configs --entity-type groups describes and alters them as on Kafka. Sluice serves
 * classic groups only, which these settings do not govern: they are kept, durably, for the tools
 * and for the group types to come, and change nothing else yet.
 *
 * Overrides live in the data folder's `group-configs` file (a DurableStateFile), format version 1:
 * JSON { version: 1, groups: { group: { name: value } } } (version 0, without the field, has the
 * same layout), rewritten whole before an alteration is in force or acknowledged.
 */
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile, unusableStateFile } from '../durable-state-file.ts';

export const GROUP_CONFIGS_FILE = 'group-configs';

export interface GroupConfigDef {
  name: string;
  type: 'int' | 'string' | 'boolean';
  default: string;
  /** The broker setting that gives the default (Kafka's DEFAULT_CONFIG synonym). */
  brokerSynonym: string;
  /** Inclusive bounds, with the broker settings Kafka names in its refusal. */
  min?: { value: number; setting: string };
  max?: { value: number; setting: string };
  oneOf?: readonly string[];
}

const session = (prefix: string) => ({ min: { value: 45_000, setting: `group.${prefix}.min.session.timeout.ms` }, max: { value: 60_000, setting: `group.${prefix}.max.session.timeout.ms` } });
const heartbeat = (prefix: string) => ({ min: { value: 5_000, setting: `group.${prefix}.min.heartbeat.interval.ms` }, max: { value: 15_000, setting: `group.${prefix}.max.heartbeat.interval.ms` } });

/** Kafka 4.3.1's group configs, in its order. */
export const GROUP_CONFIG_DEFS: readonly GroupConfigDef[] = [
  { name: 'consumer.assignment.interval.ms', type: 'int', default: '1000', brokerSynonym: 'group.consumer.assignment.interval.ms' },
  { name: 'consumer.heartbeat.interval.ms', type: 'int', default: '5000', brokerSynonym: 'group.consumer.heartbeat.interval.ms', ...heartbeat('consumer') },
  { name: 'consumer.session.timeout.ms', type: 'int', default: '45000', brokerSynonym: 'group.consumer.session.timeout.ms', ...session('consumer') },
  { name: 'share.assignment.interval.ms', type: 'int', default: '1000', brokerSynonym: 'group.share.assignment.interval.ms' },
  { name: 'share.auto.offset.reset', type: 'string', default: 'latest', brokerSynonym: 'share.auto.offset.reset' },
  { name: 'share.delivery.count.limit', type: 'int', default: '5', brokerSynonym: 'group.share.delivery.count.limit' },
  { name: 'share.heartbeat.interval.ms', type: 'int', default: '5000', brokerSynonym: 'group.share.heartbeat.interval.ms', ...heartbeat('share') },
  { name: 'share.isolation.level', type: 'string', default: 'read_uncommitted', brokerSynonym: 'share.isolation.level', oneOf: ['read_committed', 'read_uncommitted'] },
  { name: 'share.partition.max.record.locks', type: 'int', default: '2000', brokerSynonym: 'group.share.partition.max.record.locks' },
  { name: 'share.record.lock.duration.ms', type: 'int', default: '30000', brokerSynonym: 'group.share.record.lock.duration.ms' },
  { name: 'share.renew.acknowledge.enable', type: 'boolean', default: 'true', brokerSynonym: 'share.renew.acknowledge.enable' },
  { name: 'share.session.timeout.ms', type: 'int', default: '45000', brokerSynonym: 'group.share.session.timeout.ms', ...session('share') },
  { name: 'streams.assignment.interval.ms', type: 'int', default: '1000', brokerSynonym: 'group.streams.assignment.interval.ms' },
  { name: 'streams.heartbeat.interval.ms', type: 'int', default: '5000', brokerSynonym: 'group.streams.heartbeat.interval.ms', ...heartbeat('streams') },
  { name: 'streams.initial.rebalance.delay.ms', type: 'int', default: '3000', brokerSynonym: 'group.streams.initial.rebalance.delay.ms' },
  { name: 'streams.num.standby.replicas', type: 'int', default: '0', brokerSynonym: 'group.streams.num.standby.replicas' },
  { name: 'streams.session.timeout.ms', type: 'int', default: '45000', brokerSynonym: 'group.streams.session.timeout.ms', ...session('streams') },
];

const BY_NAME = new Map(GROUP_CONFIG_DEFS.map((d) => [d.name, d]));

/** Checks an override read from the file as an alteration is checked: one that slipped in otherwise (an edit by hand) would reach the groups as NaN or worse. */
function storedOverride(path: string, group: string, name: string, value: unknown): void {
  try {
    if (typeof value !== 'string') throw new GroupConfigError(`its value ${JSON.stringify(value)} is not a string`);
    validateGroupConfig(name, value);
  } catch (e) {
    throw unusableStateFile(`${path} holds an override of the group ${group} that cannot be used: ${(e as Error).message}; correct or remove it in the file (or remove the file and set the groups' configs again with kafka-configs --entity-type groups)`);
  }
}

/** A refused group config, with Kafka's message (answered as INVALID_CONFIG). */
export class GroupConfigError extends Error {}

const INT = /^[+-]?\d+$/;

/** Checks one value as Kafka's GroupConfig does; throws GroupConfigError with Kafka's wording. */
export function validateGroupConfig(name: string, value: string): void {
  const def = BY_NAME.get(name);
  if (def === undefined) throw new GroupConfigError(`Unknown group config name: ${name}`);
  const v = value.trim();
  if (def.type === 'int') {
    const n = Number(v);
    if (!INT.test(v) || n > 2 ** 31 - 1 || n < -(2 ** 31)) throw new GroupConfigError(`Invalid value ${value} for configuration ${name}: Not a number of type INT`);
    if (def.min !== undefined && n < def.min.value) throw new GroupConfigError(`${name} must be greater than or equal to ${def.min.setting}`);
    if (def.max !== undefined && n > def.max.value) throw new GroupConfigError(`${name} must be less than or equal to ${def.max.setting}`);
  } else if (def.type === 'boolean') {
    if (v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false') throw new GroupConfigError(`Invalid value ${value} for configuration ${name}: Expected value to be either true or false`);
  } else if (def.oneOf !== undefined && !def.oneOf.includes(v)) {
    throw new GroupConfigError(`Invalid value ${value} for configuration ${name}: String must be one of: ${def.oneOf.join(', ')}`);
  }
}

export interface GroupConfigEntry {
  def: GroupConfigDef;
  /** The group's override, or undefined when the default is in force. */
  override: string | undefined;
}

/** Each group's overrides. */
type Overrides = ReadonlyMap<string, ReadonlyMap<string, string>>;

const GROUP_CONFIGS_FORMAT: DurableStateFormat<Overrides> = {
  version: 1,
  startOver: "remove it and set the groups' configs again with kafka-configs --entity-type groups",
  empty: () => new Map(),
  decode(json, _version, path) {
    const groups = new Map<string, Map<string, string>>();
    for (const [group, configs] of Object.entries((json.groups ?? {}) as Record<string, Record<string, string>>)) {
      for (const [name, value] of Object.entries(configs)) storedOverride(path, group, name, value);
      groups.set(group, new Map(Object.entries(configs)));
    }
    return groups;
  },
  encode: (groups) => ({ groups: Object.fromEntries([...groups].map(([g, m]) => [g, Object.fromEntries(m)])) }),
};

export class GroupConfigStore {
  private readonly file = new DurableStateFile(GROUP_CONFIGS_FORMAT);

  open(fs: FileSystem, path: string): Promise<void> {
    return this.file.open(fs, path);
  }

  /** Every group config with the group's override, in Kafka's order. */
  describe(group: string): GroupConfigEntry[] {
    const overrides = this.file.value.get(group);
    return GROUP_CONFIG_DEFS.map((def) => ({ def, override: overrides?.get(def.name) }));
  }

  value(group: string, name: string): string | undefined {
    return this.file.value.get(group)?.get(name) ?? BY_NAME.get(name)?.default;
  }

  /** The groups with at least one override (ListConfigResources). */
  groupsWithOverrides(): string[] {
    return [...this.file.value.keys()];
  }

  /**
   * Validates every change, then (unless validateOnly) applies them together and resolves once
   * they are on disk. null removes an override; `incremental` false replaces all overrides.
   */
  async alter(group: string, changes: Record<string, string | null>, incremental: boolean, validateOnly: boolean): Promise<void> {
    for (const [name, value] of Object.entries(changes)) {
      if (value !== null) validateGroupConfig(name, value);
      else if (!BY_NAME.has(name)) throw new GroupConfigError(`Unknown group config name: ${name}`);
    }
    if (validateOnly) return;
    // Made on a copy that replaces the overrides only once written, so a failed write is neither
    // in force nor acknowledged; alterations run one after another, each on what the last wrote.
    await this.file.update((groups) => {
      const overrides = new Map(incremental ? groups.get(group) : []);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) overrides.delete(name);
        else overrides.set(name, value.trim());
      }
      const next = new Map(groups);
      if (overrides.size === 0) next.delete(group);
      else next.set(group, overrides);
      return { next, result: undefined };
    });
  }
}
