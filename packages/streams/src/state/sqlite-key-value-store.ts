/**
 * The persistent bytes key-value store (where Java has `RocksDBStore`), on Node's built-in
 * SQLite (`node:sqlite`, synchronous): one database per store in
 * `<task dir>/sqlite/<store name>/store.sqlite`, one table of BLOB keys, which SQLite orders
 * with memcmp, the stores' unsigned byte order. Why SQLite: docs/decisions/011-state-store-engine.md.
 *
 * Durability follows Kafka Streams': writes collect in one open transaction (as RocksDB's
 * memtable with its write-ahead log off) and `flush()` commits it, fsynced (WAL mode,
 * synchronous=FULL), before the task writes the checkpoint that says the store holds them. A
 * process killed between flushes loses only what the changelog still has after the checkpoint.
 * The database is opened in exclusive locking mode, so a second process opening the same store
 * fails at once instead of sharing it.
 *
 * Iterators read pages of rows by key (never a statement left open), so an iterator that is
 * never closed holds nothing, and writes made while one is open are safe: rows after its current
 * position that were written meanwhile are seen, as a live view.
 *
 * Writes are applied WRITE_BATCH_ROWS at a time, in one multi-row statement: a node:sqlite call
 * costs more than SQLite's own work for a small row (1,000,000 upserts of 10-byte keys in one
 * transaction: about 4 s one row per call, 1 s sixteen rows per call, on the development VM).
 * Until then a write waits in `pending`, which reads look at first; a range read, a count, a
 * commit and close apply it first. A write that SQLite refuses is therefore reported by a later
 * call, always before the commit that would make it durable.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { KeyValue } from '../record.ts';
import type { KeyValueIterator, KeyValueStore, StateStore, StateStoreContext } from './api.ts';
import { asBuffer, keyBytes, keyString } from './bytes.ts';
import { PeekingKeyValueIterator } from './iterators.ts';
import { OrderedBytesStore } from './ordered-bytes-store.ts';
import type { Bound } from './sorted-bytes-map.ts';
import { storeClosed } from './store-errors.ts';

/** The store's file format version (`PRAGMA user_version`): 1 = table `kv(k BLOB PRIMARY KEY, v BLOB)`. */
export const SQLITE_STORE_FORMAT_VERSION = 1;
const PAGE_ROWS = 256;
/** Rows per multi-row upsert (SQLite allows 32,766 parameters; past a few dozen rows a bigger statement gains nothing). */
const WRITE_BATCH_ROWS = 64;
const UPSERT_SUFFIX = ' ON CONFLICT (k) DO UPDATE SET v = excluded.v';

export class SqliteKeyValueStore extends OrderedBytesStore implements KeyValueStore<Buffer, Buffer> {
  private db: DatabaseSync | null = null;
  private path = '';
  private inTransaction = false;
  private readonly statements = new Map<string, StatementSync>();
  /** Writes not yet applied, by `keyString(key)`: a value, or null for a delete (the last write of a key wins, as it would in SQLite). */
  private readonly pending = new Map<string, Buffer | null>();
  /** Upsert statements by their row count (1 to WRITE_BATCH_ROWS). */
  private readonly upserts: StatementSync[] = [];

  readonly name: string;
  private readonly folder: string;

  /** `folder`: where under the task's folder the database goes (a window or session store's segments each have their own). */
  constructor(name: string, folder: string = join('sqlite', name)) {
    super();
    this.name = name;
    this.folder = folder;
  }

  persistent(): boolean {
    return true;
  }

  isOpen(): boolean {
    return this.db !== null;
  }

  /** Where the store keeps its files (empty before `init`). */
  get location(): string {
    return this.path;
  }

  init(context: StateStoreContext, root: StateStore): void {
    const dir = join(context.stateDir, this.folder);
    this.path = join(dir, 'store.sqlite');
    this.db = this.guard('open', () => {
      mkdirSync(dir, { recursive: true });
      return openDatabase(this.path, this.name);
    });
    // Restored records join the open transaction like any write: the state manager flushes the
    // store before it writes a checkpoint covering them, and an fsync per restored batch would
    // bound restoration by the disk's sync rate (33,000 records/s in batches of 100 here).
    context.register(root, (batch) => this.restoreBatch(batch));
  }

  flush(): void {
    this.checkOpen();
    this.commit();
  }

  close(): void {
    if (this.db === null) return;
    try {
      this.commit();
    } finally {
      this.pending.clear();
      this.upserts.length = 0;
      this.statements.clear();
      const db = this.db;
      this.db = null;
      this.guard('close', () => db.close());
    }
  }

  get(key: Buffer): Buffer | null {
    this.check(key);
    if (this.pending.size > 0) {
      const waiting = this.pending.get(keyString(key));
      if (waiting !== undefined) return waiting;
    }
    const row = this.guard('read', () => this.statement('get', 'SELECT v FROM kv WHERE k = ?').get(key));
    return row ? asBuffer(row.v as Uint8Array) : null;
  }

  put(key: Buffer, value: Buffer | null): void {
    this.check(key);
    this.write(key, value);
  }

  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    const existing = this.get(key);
    if (existing === null) this.write(key, value);
    return existing;
  }

  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    for (const e of entries) this.check(e.key);
    for (const e of entries) this.write(e.key, e.value);
  }

  delete(key: Buffer): Buffer | null {
    const old = this.get(key);
    if (old !== null) this.write(key, null);
    return old;
  }

  /** The number of keys (counted: SQLite keeps no estimate; cheap for the sizes a task holds, not free). */
  approximateNumEntries(): number {
    this.checkOpen();
    this.applyPending();
    const row = this.guard('read', () => this.statement('count', 'SELECT count(*) AS n FROM kv').get());
    return Number(row!.n);
  }

  private write(key: Buffer, value: Buffer | null): void {
    const pending = this.pending;
    // Deleted and set again: the delete is forgotten, so the map's order never matters.
    pending.set(keyString(key), value);
    if (pending.size >= WRITE_BATCH_ROWS) this.applyPending();
  }

  /** Applies the pending writes in the open transaction (begun if none): the values in multi-row upserts, the deletes one by one. */
  private applyPending(): void {
    const pending = this.pending;
    if (pending.size === 0) return;
    this.guard('write', () => {
      if (!this.inTransaction) {
        this.db!.exec('BEGIN');
        this.inTransaction = true;
      }
      const params: Buffer[] = [];
      for (const [k, value] of pending) {
        if (value === null) this.statement('delete', 'DELETE FROM kv WHERE k = ?').run(keyBytes(k));
        else params.push(keyBytes(k), value);
      }
      if (params.length > 0) this.upsert(params.length / 2).run(...params);
    });
    pending.clear();
  }

  /**
   * A batch of changelog records, in order: straight into multi-row upserts (SQLite applies a
   * statement's rows in order, so a key twice keeps its last value), a delete applying the puts
   * before it first; no detour through `pending`, whose string keys a restore does not need.
   */
  private restoreBatch(batch: readonly { key: Buffer; value: Buffer | null }[]): void {
    this.checkOpen();
    this.applyPending();
    this.guard('write', () => {
      if (!this.inTransaction) {
        this.db!.exec('BEGIN');
        this.inTransaction = true;
      }
      const params: Buffer[] = [];
      for (const r of batch) {
        if (r.value !== null) {
          params.push(r.key, r.value);
          if (params.length < 2 * WRITE_BATCH_ROWS) continue;
        }
        if (params.length > 0) {
          this.upsert(params.length / 2).run(...params);
          params.length = 0;
        }
        if (r.value === null) this.statement('delete', 'DELETE FROM kv WHERE k = ?').run(r.key);
      }
      if (params.length > 0) this.upsert(params.length / 2).run(...params);
    });
  }

  private upsert(rows: number): StatementSync {
    let s = this.upserts[rows];
    if (s === undefined) {
      s = this.db!.prepare(`INSERT INTO kv (k, v) VALUES ${new Array<string>(rows).fill('(?, ?)').join(', ')}${UPSERT_SUFFIX}`);
      this.upserts[rows] = s;
    }
    return s;
  }

  private commit(): void {
    this.applyPending();
    if (!this.inTransaction) return;
    this.guard('commit', () => this.db!.exec('COMMIT'));
    this.inTransaction = false;
  }

  /** Rows between the bounds, a page at a time; each page starts after the last key of the one before. */
  protected iterate(from: Bound | undefined, to: Bound | undefined, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    const store = this;
    function* rows(): Generator<KeyValue<Buffer, Buffer>> {
      let low = from;
      let high = to;
      for (;;) {
        store.checkOpen();
        store.applyPending();
        const page = store.page(low, high, reverse);
        for (const row of page) yield { key: asBuffer(row.k as Uint8Array), value: asBuffer(row.v as Uint8Array) };
        if (page.length < PAGE_ROWS) return;
        const last = asBuffer(page[page.length - 1].k as Uint8Array);
        if (reverse) high = { key: last, inclusive: false };
        else low = { key: last, inclusive: false };
      }
    }
    return new PeekingKeyValueIterator(rows());
  }

  private page(low: Bound | undefined, high: Bound | undefined, reverse: boolean): Record<string, unknown>[] {
    const where: string[] = [];
    const params: Buffer[] = [];
    if (low) {
      where.push(low.inclusive ? 'k >= ?' : 'k > ?');
      params.push(low.key);
    }
    if (high) {
      where.push(high.inclusive ? 'k <= ?' : 'k < ?');
      params.push(high.key);
    }
    const sql = `SELECT k, v FROM kv${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY k ${reverse ? 'DESC' : 'ASC'} LIMIT ${PAGE_ROWS}`;
    return this.guard('read', () => this.statement(sql, sql).all(...params));
  }

  private statement(id: string, sql: string): StatementSync {
    let s = this.statements.get(id);
    if (!s) {
      s = this.db!.prepare(sql);
      this.statements.set(id, s);
    }
    return s;
  }

  protected checkOpen(): void {
    if (this.db === null) throw storeClosed(this.name);
  }

  /** SQLite's failures (disk full, a file in use, a corrupt file) as Kafka's ProcessorStateException, naming the store and its file. */
  private guard<T>(what: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof StreamsError) throw e;
      throw new StreamsError(StreamsErrorCode.PROCESSOR_STATE, `state store '${this.name}' could not ${what} ${this.path}: ${messageOf(e)}`, { cause: e });
    }
  }
}

let sqliteModule: typeof import('node:sqlite') | undefined;

/**
 * Loaded on first use, so an application without persistent stores never loads it. Node 22 emits
 * "ExperimentalWarning: SQLite is an experimental feature" on that load: it is about how this
 * library stores its state, not something the application chose, so that one warning (and no
 * other) is held back while the module loads (docs/decisions/011-state-store-engine.md).
 */
function sqlite(): typeof import('node:sqlite') {
  if (sqliteModule) return sqliteModule;
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'ExperimentalWarning' && String(warning).includes('SQLite')) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    sqliteModule = process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return sqliteModule;
}

function openDatabase(path: string, storeName: string): DatabaseSync {
  const db = new (sqlite().DatabaseSync)(path);
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (version > SQLITE_STORE_FORMAT_VERSION) {
      throw new StreamsError(
        StreamsErrorCode.PROCESSOR_STATE,
        `state store '${storeName}' at ${path} has format version ${version}, newer than this version of @sluice/streams reads (${SQLITE_STORE_FORMAT_VERSION}); upgrade, or delete the task's state folder to restore it from its changelog`,
      );
    }
    // A write, so the exclusive lock is taken now: a second process fails here, not later.
    db.exec(`BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY NOT NULL, v BLOB NOT NULL) WITHOUT ROWID; PRAGMA user_version = ${SQLITE_STORE_FORMAT_VERSION}; COMMIT`);
    return db;
  } catch (e) {
    db.close();
    if (/locked|busy/i.test(messageOf(e))) {
      throw new StreamsError(StreamsErrorCode.PROCESSOR_STATE, `state store '${storeName}' at ${path} is already open elsewhere (another process, or another instance in this one); two instances must not share a state.dir: give each its own`, { cause: e });
    }
    throw e;
  }
}
