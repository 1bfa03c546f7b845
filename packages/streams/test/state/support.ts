/**
 * What the state stores' tests run them in: a StateStoreContext that records what stores do
 * with it (registrations, changelog writes) and lets a test set the record being processed,
 * standing in for the task's state manager, which has its own tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangelogRecord, Headers, StateRestoreCallback, StateStore, StateStoreContext, StoreRecordContext } from '@sluice/streams';

export interface LoggedChange {
  store: string;
  key: Buffer;
  value: Buffer | null;
  timestamp: number;
  headers: number;
}

export class RecordingContext implements StateStoreContext {
  readonly applicationId = 'app';
  taskId = '0_1';
  readonly appConfigs: { [setting: string]: unknown };
  readonly registered = new Map<string, { store: StateStore; restore: StateRestoreCallback }>();
  readonly changelog: LoggedChange[] = [];
  current: StoreRecordContext | null = { timestamp: 1000, headers: [], topic: 'input', partition: 1, offset: 0n };
  cache?: StateStoreContext['cache'];

  readonly stateDir: string;

  constructor(stateDir: string, appConfigs: { [setting: string]: unknown } = {}) {
    this.stateDir = stateDir;
    this.appConfigs = appConfigs;
  }

  register(store: StateStore, restore: StateRestoreCallback): void {
    this.registered.set(store.name, { store, restore });
  }

  logChange(store: string, key: Buffer, value: Buffer | null, timestamp: number, headers: Headers = []): void {
    this.changelog.push({ store, key: Buffer.from(key), value: value && Buffer.from(value), timestamp, headers: headers.length });
  }

  recordContext(): StoreRecordContext | null {
    return this.current;
  }

  /** What a task's context does: the record context is the given one while `fn` runs. */
  withRecordContext<T>(recordContext: StoreRecordContext, fn: () => T): T {
    const previous = this.current;
    this.current = recordContext;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  /** Sets the timestamp of the record being processed. */
  at(timestamp: number): this {
    this.current = { timestamp, headers: [], topic: 'input', partition: 1, offset: 0n };
    return this;
  }

  /** Replays changelog records into a registered store, as the state manager's restore does. */
  restore(storeName: string, records: ChangelogRecord[]): void {
    const r = this.registered.get(storeName);
    if (!r) throw new Error(`store ${storeName} did not register`);
    r.restore(records);
  }
}

/** A temporary folder for a test's persistent stores, removed by the returned function. */
export function tempStateDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-stores-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const b = (...bytes: number[]) => Buffer.from(bytes);
export const s = (text: string) => Buffer.from(text, 'utf8');
