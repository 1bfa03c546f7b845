/**
 * The one way storage names, writes and reads its small state files (everything in a data folder
 * besides segments and their Kafka-format indexes). Each file has its own module that describes
 * its format here: the file name, the version it writes, and a decoder for every version it reads.
 *
 * Why one helper: formats change (transactions added producer-state.json version 2), and an older
 * Sluice must never take a file it does not understand for damage and rebuild around it, nor
 * misread it. So every file is
 * JSON `{"version": N, ...}`; files from before versions existed (no `version`) are version 0 and
 * are decoded from their old layout; a version above the newest this build knows is refused with
 * an error saying which file, which version, what this build reads and what to do. Unreadable
 * content (garbled, wrong fields) decodes to null so each caller keeps its own safe fallback.
 * The rules are written down in docs/storage-formats.md.
 */
import { UnsupportedStateFileError } from '../errors.ts';
import { type FileSystem, writeFileAtomic } from '../fs/types.ts';

export interface StateFileFormat<T> {
  /** The file's name inside its folder. */
  readonly name: string;
  /** The version written; every version from 0 up to it can be read. */
  readonly version: number;
  /** What an operator can do when the file is newer than this build (e.g. start the newer Sluice again). */
  readonly whenNewer: string;
  /**
   * The value held by a file of `version`: `json` is the parsed content (undefined when it is not
   * JSON, as some version-0 files are not), `text` the raw content. Null when it does not hold one.
   */
  decode(version: number, json: unknown, text: string): T | null;
  /** Indentation of the JSON written, for files people read; none by default. */
  readonly indent?: number;
  /** The fields of the newest version (the version field is added by encodeStateFile). */
  encode(value: T): Record<string, unknown>;
}

export function encodeStateFile<T>(format: StateFileFormat<T>, value: T): Buffer {
  return Buffer.from(`${JSON.stringify({ version: format.version, ...format.encode(value) }, null, format.indent)}\n`);
}

/**
 * Decodes a state file's bytes read from `path`: the value, or null when the content holds none.
 * Throws UnsupportedStateFileError when it was written in a newer format than this build reads.
 */
export function decodeStateFile<T>(format: StateFileFormat<T>, path: string, bytes: Buffer): T | null {
  const text = bytes.toString();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  let version = 0;
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'version' in json) {
    const v = (json as { version: unknown }).version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return null;
    version = v;
  }
  if (version > format.version) throw new UnsupportedStateFileError(path, version, format.version, format.whenNewer);
  try {
    return format.decode(version, json, text);
  } catch {
    return null; // a field of the wrong type somewhere: the same as garbled
  }
}

/** A decimal offset as state files hold it (a string, as JSON numbers lose bigints' precision). */
export function offsetField(value: unknown): bigint {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw new TypeError(`not an offset: ${String(value)}`);
  return BigInt(value);
}

/**
 * A file of `dir` whose presence is known from the folder's listing `names`, or null when it is
 * absent or cannot be read. Start-up opens every partition, and a call per file to ask whether it
 * exists would be one more trip through libuv's few threads.
 */
export async function readListedFile(fs: FileSystem, dir: string, names: ReadonlySet<string>, name: string): Promise<Buffer | null> {
  if (!names.has(name)) return null;
  try {
    return await fs.readFile(`${dir}/${name}`);
  } catch {
    return null;
  }
}

/**
 * Reads a state file of `dir` (present if `names`, the folder's listing, has it). Null when it is
 * absent, cannot be read, or holds nothing valid; throws only for a newer format.
 */
export async function readStateFile<T>(fs: FileSystem, dir: string, names: ReadonlySet<string>, format: StateFileFormat<T>): Promise<T | null> {
  const bytes = await readListedFile(fs, dir, names, format.name);
  return bytes === null ? null : decodeStateFile(format, `${dir}/${format.name}`, bytes);
}

/** Writes a state file of `dir` atomically, in the newest version of its format. */
export function writeStateFile<T>(fs: FileSystem, dir: string, format: StateFileFormat<T>, value: T): Promise<void> {
  return writeFileAtomic(fs, `${dir}/${format.name}`, encodeStateFile(format, value));
}
