/**
 * Client quotas, kept durably in the data folder as Kafka keeps them in its metadata log: per
 * entity (user, client-id, ip, or user and client-id; null names for the default entities) the
 * quota values set. Changed by AlterClientQuotas; a change is written (a DurableStateFile) before
 * it is in force or acknowledged, and made on a copy, so a failed write changes neither the file
 * nor what is enforced.
 *
 * File `client-quotas`, format version 1: JSON { version: 1, entities: [ { entity: { user?:
 * name|null, "client-id"?: name|null, ip?: name|null }, quotas: { key: value } } ] } (version 0,
 * without the field, has the same layout).
 */
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile, unusableStateFile } from '../durable-state-file.ts';
import { ENTITY_TYPES, entityKey, inJavaHashMapOrder, type QuotaEntity } from './entities.ts';

export const CLIENT_QUOTAS_FILE = 'client-quotas';

export interface QuotaEntry {
  readonly entity: QuotaEntity;
  readonly quotas: ReadonlyMap<string, number>;
}

/** One entity's changes: a number sets the key, null removes it. */
export interface QuotaAlteration {
  entity: QuotaEntity;
  ops: Map<string, number | null>;
}

/** The quotas set, by entityKey. */
type QuotaEntries = ReadonlyMap<string, QuotaEntry>;

const CLIENT_QUOTAS_FORMAT: DurableStateFormat<QuotaEntries> = {
  version: 1,
  startOver: 'remove it and set the client quotas again with kafka-configs --alter --entity-type users|clients|ips',
  empty: () => new Map(),
  decode(json, _version, path) {
    const entries = new Map<string, QuotaEntry>();
    for (const { entity, quotas } of (json.entities ?? []) as { entity: Record<string, string | null>; quotas: Record<string, unknown> }[]) {
      const e: QuotaEntity = {};
      for (const t of ENTITY_TYPES) if (Object.hasOwn(entity, t)) e[t] = entity[t];
      entries.set(entityKey(e), { entity: e, quotas: new Map(Object.entries(quotas).map(([k, v]) => [k, readValue(path, k, v)])) });
    }
    return entries;
  },
  encode(entries) {
    // fromEntries, not assignment: a key named __proto__ stays a key.
    const entities = [...entries.values()].map((e) => ({ entity: Object.fromEntries(Object.entries(e.entity)), quotas: Object.fromEntries([...e.quotas].map(([k, v]) => [k, writtenValue(v)])) }));
    return { entities };
  },
};

export class ClientQuotaStore {
  private readonly file = new DurableStateFile(CLIENT_QUOTAS_FORMAT, () => this.changed());
  /** Every key some entity has: asked on every request, so not recounted each time. */
  private keysInUse = new Set<string>();
  /** Bumped on every change in force, so that enforcement can cache what it resolved. */
  private version = 0;
  private readonly listeners: (() => void)[] = [];

  async open(fs: FileSystem, path: string): Promise<void> {
    await this.file.open(fs, path);
    this.changed();
  }

  /** The quotas in force. */
  private get entries(): QuotaEntries {
    return this.file.value;
  }

  private changed(): void {
    this.version++;
    this.keysInUse = new Set([...this.entries.values()].flatMap((e) => [...e.quotas.keys()]));
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each change in force (and the file's opening), as Kafka's brokers apply each quota change when it is published. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Changes whenever the quotas in force change. */
  get generation(): number {
    return this.version;
  }

  /** The value of `key` set on exactly this entity. */
  get(entity: QuotaEntity, key: string): number | undefined {
    return this.entries.get(entityKey(entity))?.quotas.get(key);
  }

  /** Whether any quota at all is set: while none is, requests are not accounted. */
  get inUse(): boolean {
    return this.keysInUse.size > 0;
  }

  /** Whether any entity has a value for `key` (Kafka's "quotas enabled" for that quota type). */
  hasAny(key: string): boolean {
    return this.keysInUse.has(key);
  }

  all(): Iterable<QuotaEntry> {
    return this.entries.values();
  }

  /** Applies the alterations together, in force once they are on disk; calls run one after another. */
  async apply(alterations: readonly QuotaAlteration[]): Promise<void> {
    await this.file.update((entries) => {
      const next = new Map(entries);
      for (const { entity, ops } of alterations) {
        const key = entityKey(entity);
        const quotas = kafkaOrdered(next.get(key)?.quotas ?? new Map(), ops);
        if (quotas.size === 0) next.delete(key);
        else next.set(key, { entity, quotas });
      }
      return { next, result: undefined };
    });
  }
}

/**
 * An entity's values after `ops`, in the order Kafka's metadata image iterates them, so that
 * DescribeClientQuotas lists them as Kafka does: Kafka rebuilds the map from the values it had (in
 * their order) followed by the changed keys (in the order of its map of changes), in a HashMap.
 */
function kafkaOrdered(current: ReadonlyMap<string, number>, ops: ReadonlyMap<string, number | null>): Map<string, number> {
  const arrival: [string, number][] = [];
  for (const [k, v] of current) {
    const change = ops.get(k);
    if (change === undefined) arrival.push([k, v]);
    else if (change !== null) arrival.push([k, change]);
  }
  for (const [k, v] of inJavaHashMapOrder([...ops], ([k]) => k)) if (v !== null && !current.has(k)) arrival.push([k, v]);
  return new Map(inJavaHashMapOrder(arrival, ([k]) => k, current.size));
}

/**
 * Kafka takes Infinity for any quota and NaN too (its check is value <= 0, which NaN passes; such
 * a quota limits nothing). JSON has neither (it would write null), so they are written as the
 * strings "Infinity" and "NaN".
 */
const NON_FINITE: Record<string, number> = { Infinity, NaN };

function writtenValue(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function readValue(path: string, key: string, value: unknown): number {
  if (typeof value === 'string' && Object.hasOwn(NON_FINITE, value)) return NON_FINITE[value];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw unusableStateFile(`${path} has ${JSON.stringify(value)} for the client quota ${key}, which is not a number; correct or remove it and set the client quotas again with kafka-configs --alter`);
}
