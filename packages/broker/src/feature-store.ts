/**
 * The finalized feature levels of the one-node cluster and their epoch (KIP-584), changed by
 * UpdateFeatures and kept durably in the data folder's `finalized-features` file, as Kafka keeps
 * FeatureLevelRecords in its metadata log: JSON { version: 1, epoch, levels: { name: level } },
 * written whole through writeFileAtomic. A change is in force, and acknowledged, only once written:
 * it is made on a copy that replaces the levels after the write.
 *
 * Only levels set through UpdateFeatures are stored; the others are a new Kafka 4.3.1 cluster's,
 * with transaction.version from the broker setting (what kafka-storage format --feature sets).
 *
 * The epoch is what Java clients compare: they keep the finalized features of an ApiVersions
 * answer only if its epoch is above the highest they have seen. Kafka's is a metadata offset;
 * Sluice's starts at the start time (or above the stored one) and grows by at least one per change,
 * so it only grows, across restarts too.
 */
import { type FileSystem, writeFileAtomic } from '@sluice/storage';
import { type FinalizedFeature, finalizedFeatures, initialLevels } from './features.js';

export const FINALIZED_FEATURES_FILE = 'finalized-features';
const FORMAT_VERSION = 1;

export class FinalizedFeatureStore {
  private levels: Map<string, number>;
  private stored = new Map<string, number>();
  private currentEpoch: bigint;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
    transactionVersion: number,
    startedAt: number,
  ) {
    this.levels = initialLevels(transactionVersion);
    this.currentEpoch = BigInt(startedAt);
  }

  static async open(fs: FileSystem, path: string, transactionVersion: number, startedAt = Date.now()): Promise<FinalizedFeatureStore> {
    const store = new FinalizedFeatureStore(fs, path, transactionVersion, startedAt);
    if (!(await fs.exists(path))) return store;
    let parsed: { version?: unknown; epoch?: unknown; levels?: unknown };
    try {
      parsed = JSON.parse((await fs.readFile(path)).toString('utf8'));
    } catch (e) {
      throw new Error(`${path} is not valid JSON (${(e as Error).message}); restore it from a backup, or remove it to start from Kafka's default levels (then set them again with kafka-features)`);
    }
    if (typeof parsed.version === 'number' && parsed.version > FORMAT_VERSION) {
      throw new Error(`${path} has format version ${parsed.version}, newer than the version ${FORMAT_VERSION} this Sluice reads: start the newer Sluice that wrote it (or remove the file to start from Kafka's default levels, then set them again with kafka-features)`);
    }
    if (parsed.version !== FORMAT_VERSION) throw new Error(`${path} has format version ${String(parsed.version)}, and this Sluice reads version ${FORMAT_VERSION}; restore it from a backup, or remove it to start from Kafka's default levels`);
    if (typeof parsed.epoch !== 'string' || !/^\d+$/.test(parsed.epoch) || typeof parsed.levels !== 'object' || parsed.levels === null) {
      throw new Error(`${path} has no epoch or levels; restore it from a backup, or remove it to start from Kafka's default levels`);
    }
    store.stored = new Map(Object.entries(parsed.levels as Record<string, unknown>).map(([name, level]) => [name, storedLevel(path, name, level)]));
    for (const [name, level] of store.stored) store.levels.set(name, level);
    const storedEpoch = BigInt(parsed.epoch);
    if (storedEpoch >= store.currentEpoch) store.currentEpoch = storedEpoch + 1n;
    return store;
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
  async update<R>(plan: (level: (name: string) => number) => { changes?: ReadonlyMap<string, number>; result: R }): Promise<R> {
    const run = this.writing.then(async () => {
      const { changes, result } = plan((name) => this.level(name));
      if (changes === undefined) return result;
      const stored = new Map([...this.stored, ...changes]);
      const epoch = BigInt(Math.max(Number(this.currentEpoch + 1n), Date.now()));
      const file = { version: FORMAT_VERSION, epoch: String(epoch), levels: Object.fromEntries(stored) };
      await writeFileAtomic(this.fs, this.path, Buffer.from(`${JSON.stringify(file, null, 1)}\n`));
      this.stored = stored;
      this.levels = new Map([...this.levels, ...changes]);
      this.currentEpoch = epoch;
      return result;
    });
    this.writing = run.then(() => {}, () => {});
    return run;
  }
}

/** A stored level as ApiVersions carries it (INT16, at least 0); anything else would fail every client's ApiVersions. */
function storedLevel(path: string, name: string, level: unknown): number {
  if (typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 0x7fff) return level;
  throw new Error(`${path} holds level ${JSON.stringify(level)} for ${name}, not a whole number from 0 to 32767; correct it, or remove it to start from Kafka's default levels (then set them again with kafka-features)`);
}
