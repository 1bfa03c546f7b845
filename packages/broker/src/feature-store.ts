/**
 * The finalized feature levels of the one-node cluster and their epoch (KIP-584), changed by
 * UpdateFeatures and kept durably in the data folder's `finalized-features` file, as Kafka keeps
 * FeatureLevelRecords in its metadata log: JSON { version: 1, epoch, levels: { name: level } }
 * (version 0, without the field, has the same layout), a DurableStateFile. A change is in force,
 * and acknowledged, only once written: it is made on a copy that replaces the levels after the write.
 *
 * Only levels set through UpdateFeatures are stored; the others are a new Kafka 4.3.1 cluster's,
 * with transaction.version from the broker setting (what kafka-storage format --feature sets).
 *
 * The epoch is what Java clients compare: they keep the finalized features of an ApiVersions
 * answer only if its epoch is above the highest they have seen. Kafka's is a metadata offset;
 * Sluice's starts at the start time (or above the stored one) and grows by at least one per change,
 * so it only grows, across restarts too.
 */
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile, unusableStateFile } from './durable-state-file.ts';
import { type FinalizedFeature, finalizedFeatures, initialLevels } from './features.ts';

export const FINALIZED_FEATURES_FILE = 'finalized-features';

/** What the file holds: the levels set through UpdateFeatures and the epoch of the last change (-1 before any). */
interface StoredFeatures {
  readonly epoch: bigint;
  readonly levels: ReadonlyMap<string, number>;
}

const TO_DEFAULTS = "remove it to start from Kafka's default levels (then set them again with kafka-features)";

const FEATURES_FORMAT: DurableStateFormat<StoredFeatures> = {
  version: 1,
  startOver: TO_DEFAULTS,
  empty: () => ({ epoch: -1n, levels: new Map() }),
  decode(json, _version, path) {
    if (typeof json.epoch !== 'string' || !/^\d+$/.test(json.epoch) || typeof json.levels !== 'object' || json.levels === null) {
      throw unusableStateFile(`${path} has no epoch or levels; restore it from a backup, or ${TO_DEFAULTS}`);
    }
    return { epoch: BigInt(json.epoch), levels: new Map(Object.entries(json.levels as Record<string, unknown>).map(([name, level]) => [name, storedLevel(path, name, level)])) };
  },
  encode: (stored) => ({ epoch: String(stored.epoch), levels: Object.fromEntries(stored.levels) }),
};

export class FinalizedFeatureStore {
  private levels: Map<string, number>;
  private currentEpoch: bigint;
  private readonly file = new DurableStateFile(FEATURES_FORMAT, (stored) => this.applied(stored));

  private constructor(transactionVersion: number, startedAt: number) {
    this.levels = initialLevels(transactionVersion);
    this.currentEpoch = BigInt(startedAt);
  }

  static async open(fs: FileSystem, path: string, transactionVersion: number, startedAt = Date.now()): Promise<FinalizedFeatureStore> {
    const store = new FinalizedFeatureStore(transactionVersion, startedAt);
    await store.file.open(fs, path);
    const stored = store.file.value;
    for (const [name, level] of stored.levels) store.levels.set(name, level);
    if (stored.epoch >= store.currentEpoch) store.currentEpoch = stored.epoch + 1n;
    return store;
  }

  /** A change written: its levels and epoch are in force. */
  private applied(stored: StoredFeatures): void {
    this.levels = new Map([...this.levels, ...stored.levels]);
    this.currentEpoch = stored.epoch;
  }

  get epoch(): bigint {
    return this.currentEpoch;
  }

  /** A feature's finalized level; 0 when it is not finalized. */
  level(name: string): number {
    return this.levels.get(name) ?? 0;
  }

  finalized(): FinalizedFeature[] {
    return finalizedFeatures(this.levels);
  }

  /**
   * Decides a change against the levels the changes before it left (`plan` runs once they are
   * in force, as Kafka's controller decides one update after the other), then sets its levels
   * together, in force (with the epoch bumped) once they are on disk. `plan` gives no changes to
   * refuse or only validate; its result is returned either way.
   */
  update<R>(plan: (level: (name: string) => number) => { changes?: ReadonlyMap<string, number>; result: R }): Promise<R> {
    return this.file.update((stored) => {
      const { changes, result } = plan((name) => this.level(name));
      if (changes === undefined) return { result };
      const epoch = BigInt(Math.max(Number(this.currentEpoch + 1n), Date.now()));
      return { next: { epoch, levels: new Map([...stored.levels, ...changes]) }, result };
    });
  }
}

/** A stored level as ApiVersions carries it (INT16, at least 0); anything else would fail every client's ApiVersions. */
function storedLevel(path: string, name: string, level: unknown): number {
  if (typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 0x7fff) return level;
  throw unusableStateFile(`${path} holds level ${JSON.stringify(level)} for ${name}, not a whole number from 0 to 32767; correct it, or remove it to start from Kafka's default levels (then set them again with kafka-features)`);
}
