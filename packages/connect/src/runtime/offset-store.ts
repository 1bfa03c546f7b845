/**
 * Where source offsets are kept (Kafka's OffsetBackingStore): keys and values are the JSON Kafka
 * writes, the key `["<connector>",{partition}]` and the value the offset map, so a file or topic
 * written here reads as Kafka's would. Standalone mode keeps them in a file
 * (`offset.storage.file.filename`), rewritten whole and renamed into place at each commit.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OffsetStorageReader, SourceOffset, SourcePartition } from '@sluice/connect-api';

/** JSON text of a partition or offset map; bigints are written as the numbers they are. */
export function offsetJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v));
}

export function offsetKey(connector: string, partition: SourcePartition): string {
  return offsetJson([connector, partition]);
}

export interface OffsetBackingStore {
  get(keys: readonly string[]): Promise<Map<string, string | null>>;
  /** Writes the values (null removes a key); resolves once they are durable. */
  set(values: ReadonlyMap<string, string | null>): Promise<void>;
  /** Every key and value, for `/offsets`. */
  entries(): Promise<[string, string][]>;
}

export class MemoryOffsetBackingStore implements OffsetBackingStore {
  protected readonly data = new Map<string, string>();

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    return new Map(keys.map((k) => [k, this.data.get(k) ?? null]));
  }

  async set(values: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [k, v] of values) {
      if (v === null) this.data.delete(k);
      else this.data.set(k, v);
    }
  }

  async entries(): Promise<[string, string][]> {
    return [...this.data];
  }
}

/** Kafka's FileOffsetBackingStore, in JSON: `[[key, value], ...]`. */
export class FileOffsetBackingStore extends MemoryOffsetBackingStore {
  #writing: Promise<void> = Promise.resolve();

  readonly file: string;

  constructor(file: string) {
    super();
    this.file = file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    let entries: unknown;
    try {
      entries = JSON.parse(text);
    } catch {
      throw new Error(`The offsets file ${file} is not the JSON this worker writes; move it away to start from no offsets`);
    }
    if (!Array.isArray(entries)) throw new Error(`The offsets file ${file} is not the JSON this worker writes; move it away to start from no offsets`);
    for (const [k, v] of entries as [string, string][]) this.data.set(k, v);
  }

  override async set(values: ReadonlyMap<string, string | null>): Promise<void> {
    await super.set(values);
    // Writes are chained so a later snapshot never lands before an earlier one. A failed write
    // rejects its own caller only: the chain goes on, and the next snapshot (which holds every
    // value set so far) is written whole, so a later flush repairs what a failed one missed.
    const snapshot = JSON.stringify([...this.data]);
    const write = this.#writing.then(() => {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, snapshot);
      renameSync(tmp, this.file);
    });
    this.#writing = write.catch(() => undefined);
    await write;
  }
}

/** An offset map read back, or null when the stored text is not one (not JSON, or JSON that is not an object). */
function readOffsetMap(text: string): SourceOffset | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SourceOffset) : null;
  } catch {
    return null;
  }
}

/** A stored key's source partition, or null when the key is not `["<connector>", {partition}]` (Kafka's OffsetUtils.processPartitionKey). */
function readPartitionKey(text: string): [string, SourcePartition] | null {
  try {
    const key = JSON.parse(text) as unknown;
    if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== 'string') return null;
    const partition = key[1] as unknown;
    return partition !== null && typeof partition === 'object' && !Array.isArray(partition) ? [key[0], partition as SourcePartition] : null;
  } catch {
    return null;
  }
}

/**
 * A connector's view of the store (Kafka's OffsetStorageReaderImpl). An offset that cannot be
 * read (written by something else into a shared offset topic) is logged and passed over, as
 * Kafka does, instead of failing the task that asked for it.
 */
export class ConnectorOffsetReader implements OffsetStorageReader {
  private readonly connector: string;
  private readonly store: OffsetBackingStore;
  private readonly log: (line: string) => void;

  constructor(connector: string, store: OffsetBackingStore, log: (line: string) => void = () => undefined) {
    this.connector = connector;
    this.store = store;
    this.log = log;
  }

  async offset(partition: SourcePartition): Promise<SourceOffset | null> {
    return (await this.offsets([partition])).get(partition) ?? null;
  }

  async offsets(partitions: SourcePartition[]): Promise<Map<SourcePartition, SourceOffset | null>> {
    const keys = partitions.map((p) => offsetKey(this.connector, p));
    const found = await this.store.get(keys);
    return new Map(
      partitions.map((p, i) => {
        const text = found.get(keys[i]) ?? null;
        if (text === null) return [p, null];
        const offset = readOffsetMap(text);
        if (offset === null) this.log(`CRITICAL: the stored offset of ${keys[i]} is not a JSON object (${JSON.stringify(text.slice(0, 200))}); no offset is returned for it, which may make the task of ${this.connector} read its data again or skip some`);
        return [p, offset];
      }),
    );
  }
}

/** Every stored offset of one connector, as `/connectors/{name}/offsets` lists them; keys and values that cannot be read are passed over. */
export async function connectorOffsets(connector: string, store: OffsetBackingStore): Promise<{ partition: SourcePartition; offset: SourceOffset }[]> {
  const out: { partition: SourcePartition; offset: SourceOffset }[] = [];
  for (const [k, v] of await store.entries()) {
    const key = readPartitionKey(k);
    if (key === null || key[0] !== connector) continue;
    const offset = readOffsetMap(v);
    if (offset !== null) out.push({ partition: key[1], offset });
  }
  return out;
}
