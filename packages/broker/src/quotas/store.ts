/**
 * Client quotas, kept durably in the data folder as Kafka keeps them in its metadata log: per
 * entity (user, client-id, ip, or user and client-id; null names for the default entities) the
 * quota values set. Changed by AlterClientQuotas; a change is written (a new file renamed over
 * the old one, writeFileAtomic) before it is in force or acknowledged, and made on a copy, so a
 * failed write changes neither the file nor what is enforced.
 *
 * File `client-quotas`, format version 1: JSON { version: 1, entities: [ { entity: { user?:
 * name|null, "client-id"?: name|null, ip?: name|null }, quotas: { key: value } } ] }.
 */
import { type FileSystem, writeFileAtomic } from '@sluice/storage';
import { ENTITY_TYPES, entityKey, inJavaHashMapOrder, type QuotaEntity } from './entities.js';

export const CLIENT_QUOTAS_FILE = 'client-quotas';
const FORMAT_VERSION = 1;

export interface QuotaEntry {
  readonly entity: QuotaEntity;
  readonly quotas: ReadonlyMap<string, number>;
}

/** One entity's changes: a number sets the key, null removes it. */
export interface QuotaAlteration {
  entity: QuotaEntity;
  ops: Map<string, number | null>;
}

export class ClientQuotaStore {
  private entries = new Map<string, QuotaEntry>();
  /** Every key some entity has: asked on every request, so not recounted each time. */
  private keysInUse = new Set<string>();
  /** Bumped on every change in force, so that enforcement can cache what it resolved. */
  private version = 0;
  private writing: Promise<void> = Promise.resolve();
  private fs: FileSystem | undefined;
  private path = '';

  async open(fs: FileSystem, path: string): Promise<void> {
    this.fs = fs;
    this.path = path;
    if (!(await fs.exists(path))) return;
    const text = (await fs.readFile(path)).toString('utf8');
    let parsed: { version?: unknown; entities?: { entity: Record<string, string | null>; quotas: Record<string, unknown> }[] };
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`${path} is not valid JSON (${(e as Error).message}); restore it from a backup, or remove it and set the client quotas again with kafka-configs --alter --entity-type users|clients|ips`);
    }
    if (parsed.version !== FORMAT_VERSION) throw new Error(`${path} has format version ${String(parsed.version)}, and this Sluice reads version ${FORMAT_VERSION}; use the Sluice that wrote it`);
    for (const { entity, quotas } of parsed.entities ?? []) {
      const e: QuotaEntity = {};
      for (const t of ENTITY_TYPES) if (Object.hasOwn(entity, t)) e[t] = entity[t];
      this.entries.set(entityKey(e), { entity: e, quotas: new Map(Object.entries(quotas).map(([k, v]) => [k, readValue(path, k, v)])) });
    }
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.keysInUse = new Set([...this.entries.values()].flatMap((e) => [...e.quotas.keys()]));
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
    const run = this.writing.then(async () => {
      const next = new Map(this.entries);
      for (const { entity, ops } of alterations) {
        const key = entityKey(entity);
        const quotas = kafkaOrdered(next.get(key)?.quotas ?? new Map(), ops);
        if (quotas.size === 0) next.delete(key);
        else next.set(key, { entity, quotas });
      }
      await writeFileAtomic(this.fs!, this.path, serialize(next));
      this.entries = next;
      this.changed();
    });
    this.writing = run.catch(() => {});
    await run;
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
  throw new Error(`${path} has ${JSON.stringify(value)} for the client quota ${key}, which is not a number; correct or remove it and set the client quotas again with kafka-configs --alter`);
}

function serialize(entries: ReadonlyMap<string, QuotaEntry>): Buffer {
  // fromEntries, not assignment: a key named __proto__ stays a key.
  const entities = [...entries.values()].map((e) => ({ entity: Object.fromEntries(Object.entries(e.entity)), quotas: Object.fromEntries([...e.quotas].map(([k, v]) => [k, writtenValue(v)])) }));
  return Buffer.from(`${JSON.stringify({ version: FORMAT_VERSION, entities }, null, 1)}\n`);
}
