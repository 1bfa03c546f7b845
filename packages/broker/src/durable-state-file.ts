/**
 * One small durable JSON state file of the data folder (acls, scram-credentials, group-configs,
 * client-quotas, finalized-features): what Kafka keeps in its metadata log, Sluice keeps in one
 * file per kind, rewritten whole on every change. This module owns the parts they share, so that
 * each store only says how its value maps to JSON:
 *
 * - a format version, with storage's rule (docs/storage-formats.md): a file without `version` is
 *   version 0, every version up to the one written is read by the store's decoder, and a newer one
 *   is refused, naming the file, the versions and what to do, never guessed at or overwritten;
 * - crash-safe writes through storage's writeFileAtomic (a temporary file, fsync, rename, fsync of
 *   the folder), so a crash at any point leaves the old file or the new one, never a torn one; a
 *   temporary file left by a crash is removed when the file is opened;
 * - changes decided and written one after another, each on the value the last one left, so a
 *   later change is never overwritten by an earlier one finishing late;
 * - write before apply: a change is the value in force, and may be acknowledged, only once it is
 *   on disk; a failed write leaves the value as it was.
 *
 * A file that cannot be used (not JSON, an entry of the wrong shape) stops the start with a
 * StateFileError naming the file and what to do: these files hold what users set (ACLs,
 * credentials, quotas), and starting without them would silently open or change what they guard.
 */
import { type FileSystem, writeFileAtomic } from '@sluice/storage';
import { BrokerErrorCode } from './errors.ts';

export interface DurableStateFormat<T> {
  /** The version written; every version from 0 up to it is read. */
  readonly version: number;
  /**
   * How an operator starts over without the file, e.g. "remove it and create the ACLs again
   * (kafka-acls --add)": what to do, besides restoring a backup, with a file that cannot be used,
   * and besides starting the newer Sluice, with a file of a newer version.
   */
  readonly startOver: string;
  /** The value while there is no file. */
  empty(): T;
  /**
   * The value a file of `version` holds (`json` is its object). Throws unusableStateFile(...) for
   * an entry it can name; anything else it throws is reported as a file of the wrong shape.
   */
  decode(json: Readonly<Record<string, unknown>>, version: number, path: string): T;
  /** The fields of the newest version (the version field is added here). */
  encode(value: T): Record<string, unknown>;
}

type StateFileErrorCode = typeof BrokerErrorCode.STATE_FILE_UNREADABLE | typeof BrokerErrorCode.STATE_FILE_UNSUPPORTED_FORMAT;

/** A state file the broker cannot start with; the message names the file and what to do. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
  readonly code: StateFileErrorCode;

  constructor(code: StateFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** For decoders: an entry of the file that cannot be used, with a message naming the file, the entry and what to do. */
export function unusableStateFile(message: string): StateFileError {
  return new StateFileError(BrokerErrorCode.STATE_FILE_UNREADABLE, message);
}

/** A change: the value to write and put in force (none: nothing is written), and what to answer. */
export interface StateChange<T, R> {
  next?: T;
  result: R;
}

export class DurableStateFile<T> {
  private current: T;
  /** The last change queued; the next one starts once it has settled. */
  private last: Promise<unknown> = Promise.resolve();
  private where: { fs: FileSystem; path: string } | undefined;

  private readonly format: DurableStateFormat<T>;
  private readonly onChange: (value: T) => void;

  /**
   * A file not read yet: its value is the format's empty one until open(). `onChange` is called
   * with every value a change puts in force, at once, so that what a store derives from its value
   * never lags behind it.
   */
  constructor(format: DurableStateFormat<T>, onChange: (value: T) => void = () => {}) {
    this.format = format;
    this.onChange = onChange;
    this.current = format.empty();
  }

  /** Reads the file at `path` (its folder must exist); without one, the value stays the empty one. */
  async open(fs: FileSystem, path: string): Promise<void> {
    // Left by a crash before its rename: never the file in force, and rewritten by the next write anyway.
    const temp = `${path}.tmp`;
    if (await fs.exists(temp)) await fs.remove(temp);
    if (await fs.exists(path)) this.current = decodeFile(this.format, path, await fs.readFile(path));
    this.where = { fs, path };
  }

  /** The value in force: the last one written. */
  get value(): T {
    return this.current;
  }

  /**
   * Decides a change on the value the changes before it left (it runs once they have settled),
   * writes the value it gives and only then puts it in force; resolves with its result once it is
   * on disk, and rejects, with nothing changed, when the write fails.
   */
  update<R>(change: (current: T) => StateChange<T, R>): Promise<R> {
    const where = this.where;
    if (where === undefined) return Promise.reject(new Error('a state file is changed before it is opened'));
    const run = this.last.then(async () => {
      const { next, result } = change(this.current);
      if (next === undefined) return result;
      try {
        await this.write(where, next);
      } catch (e) {
        // The write may have failed after its rename (the folder's fsync): the file would then hold
        // a change nobody was told of, which a restart would put in force. Put back what is in force.
        await this.write(where, this.current).catch(() => {});
        throw e;
      }
      this.current = next;
      this.onChange(next);
      return result;
    });
    this.last = run.catch(() => {});
    return run;
  }

  private write(where: { fs: FileSystem; path: string }, value: T): Promise<void> {
    const file = { version: this.format.version, ...this.format.encode(value) };
    return writeFileAtomic(where.fs, where.path, Buffer.from(`${JSON.stringify(file, null, 1)}\n`));
  }
}

/** The value of a file's bytes, or a StateFileError saying why there is none and what to do. */
function decodeFile<T>(format: DurableStateFormat<T>, path: string, bytes: Buffer): T {
  const unusable = (why: string, cause?: unknown) => new StateFileError(BrokerErrorCode.STATE_FILE_UNREADABLE, `${path} ${why}; restore it from a backup, or ${format.startOver}`, { cause });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw unusable(`is not valid JSON (${(e as Error).message})`, e);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw unusable('does not hold a JSON object');
  const fields = json as Record<string, unknown>;
  const version = fields.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw unusable(`has format version ${JSON.stringify(version)}, which is not a whole number of at least 0`);
  if (version > format.version) {
    throw new StateFileError(
      BrokerErrorCode.STATE_FILE_UNSUPPORTED_FORMAT,
      `${path} has format version ${version}, newer than the version ${format.version} this Sluice reads (it reads versions 0 to ${format.version}): start the newer Sluice that wrote it, or ${format.startOver}`,
    );
  }
  try {
    return format.decode(fields, version, path);
  } catch (e) {
    if (e instanceof StateFileError) throw e;
    throw unusable(`does not hold what format version ${version} holds (${(e as Error).message})`, e);
  }
}
