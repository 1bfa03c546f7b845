/**
 * A small key-value store written against the store contract (state/api.ts) only, so the state
 * runtime's tests exercise what any store relies on: registering with a restore callback,
 * logging every write through the context, restoring from changelog batches, and (when
 * persistent) keeping its data in the task folder across restarts, written on flush. Keys and
 * values are strings (UTF-8 bytes in the changelog).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyValue } from '@sluice/streams';
import type { KeyValueIterator, KeyValueStore, Serializer, StateStore, StateStoreContext, StoreBuilder } from '@sluice/streams';

export class JsonFileStore implements KeyValueStore<string, string> {
  private data = new Map<string, string>();
  private context: StateStoreContext | null = null;
  private open = false;
  /** Changelog records applied by restores. */
  restoredRecords = 0;

  readonly name: string;
  private readonly onDisk: boolean;
  private readonly logged: boolean;

  constructor(name: string, onDisk: boolean, logged: boolean) {
    this.name = name;
    this.onDisk = onDisk;
    this.logged = logged;
  }

  persistent(): boolean {
    return this.onDisk;
  }
  isOpen(): boolean {
    return this.open;
  }
  private file(): string {
    return join(this.context!.stateDir, `${this.name}.json`);
  }
  init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    if (this.onDisk) {
      try {
        this.data = new Map(Object.entries(JSON.parse(readFileSync(this.file(), 'utf8')) as Record<string, string>));
      } catch {
        this.data = new Map();
      }
    }
    context.register(root, (batch) => {
      for (const r of batch) {
        const k = r.key.toString('utf8');
        if (r.value === null) this.data.delete(k);
        else this.data.set(k, r.value.toString('utf8'));
      }
      this.restoredRecords += batch.length;
    });
    this.open = true;
  }
  flush(): void {
    if (this.onDisk && this.context) writeFileSync(this.file(), JSON.stringify(Object.fromEntries(this.data)));
  }
  close(): void {
    this.open = false;
  }
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  put(key: string, value: string | null): void {
    if (value === null) this.data.delete(key);
    else this.data.set(key, value);
    if (this.logged) {
      const ts = this.context!.recordContext()?.timestamp ?? 0;
      this.context!.logChange(this.name, Buffer.from(key), value === null ? null : Buffer.from(value), ts);
    }
  }
  putIfAbsent(key: string, value: string | null): string | null {
    const old = this.get(key);
    if (old === null) this.put(key, value);
    return old;
  }
  putAll(entries: readonly KeyValue<string, string | null>[]): void {
    for (const e of entries) this.put(e.key, e.value);
  }
  delete(key: string): string | null {
    const old = this.get(key);
    this.put(key, null);
    return old;
  }
  private iterate(entries: [string, string][]): KeyValueIterator<string, string> {
    let i = 0;
    const it: KeyValueIterator<string, string> = {
      [Symbol.iterator]: () => it,
      next: () => (i < entries.length ? { done: false, value: KeyValue.pair(entries[i][0], entries[i++][1]) } : { done: true, value: undefined }),
      peekNextKey: () => entries[i]?.[0],
      close: () => {
        i = entries.length;
      },
    };
    return it;
  }
  private sorted(): [string, string][] {
    return [...this.data].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }
  range(from: string | undefined, to: string | undefined): KeyValueIterator<string, string> {
    return this.iterate(this.sorted().filter(([k]) => (from === undefined || k >= from) && (to === undefined || k <= to)));
  }
  reverseRange(from: string | undefined, to: string | undefined): KeyValueIterator<string, string> {
    return this.iterate([...this.range(from, to)].map((kv) => [kv.key, kv.value] as [string, string]).reverse());
  }
  all(): KeyValueIterator<string, string> {
    return this.iterate(this.sorted());
  }
  reverseAll(): KeyValueIterator<string, string> {
    return this.iterate(this.sorted().reverse());
  }
  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<string, string> {
    const p = prefixSerializer.serialize('', prefix)!;
    return this.iterate(this.sorted().filter(([k]) => Buffer.from(k).subarray(0, p.length).equals(p)));
  }
  approximateNumEntries(): number {
    return this.data.size;
  }
}

/** A StoreBuilder of JsonFileStores (persistent by default, logging on by default). */
export function jsonFileStoreBuilder(name: string, options: { persistent?: boolean } = {}): StoreBuilder<JsonFileStore> & { built: JsonFileStore[] } {
  let logging = true;
  let logConfig: { [k: string]: string } = {};
  const builder = {
    name,
    built: [] as JsonFileStore[],
    withCachingEnabled: () => builder,
    withCachingDisabled: () => builder,
    withLoggingEnabled(config: { [k: string]: string }) {
      logging = true;
      logConfig = { ...config };
      return builder;
    },
    withLoggingDisabled() {
      logging = false;
      return builder;
    },
    loggingEnabled: () => logging,
    logConfig: () => logConfig,
    build() {
      const s = new JsonFileStore(name, options.persistent ?? true, logging);
      builder.built.push(s);
      return s;
    },
  };
  return builder;
}
