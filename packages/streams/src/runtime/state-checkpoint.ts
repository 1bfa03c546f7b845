/**
 * A task's `.checkpoint` file: the changelog offset each of its persistent stores is known to
 * hold, so a restart restores only the records after it. The format is Kafka Streams'
 * (`OffsetCheckpoint`), so a state folder reads the same to tools that know Java's:
 *
 *   0                      ← format version
 *   2                      ← number of entries
 *   app-counts-changelog 3 1041
 *   app-totals-changelog 3 77
 *
 * An offset is that of the last changelog record the store holds (a restore seeks one past it),
 * as Java's is. The file is written whole to a temporary file, synced and renamed over the old
 * one, so a crash leaves the old checkpoint or the new one, never a torn one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StreamsError, StreamsErrorCode } from '../errors.ts';

export const CHECKPOINT_FILE_NAME = '.checkpoint';
const VERSION = 0;

/** `topic:partition` → offset. */
export type CheckpointOffsets = Map<string, bigint>;

export function checkpointKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

export class OffsetCheckpoint {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** Replaces the file with these offsets (an empty map deletes it, as Java's does). */
  write(offsets: ReadonlyMap<string, bigint>): void {
    if (offsets.size === 0) {
      this.delete();
      return;
    }
    const lines = [String(VERSION), String(offsets.size)];
    for (const [key, offset] of offsets) {
      const i = key.lastIndexOf(':');
      lines.push(`${key.slice(0, i)} ${key.slice(i + 1)} ${offset}`);
    }
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, lines.join('\n') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }

  /** The offsets in the file; an empty map when there is no file. */
  read(): CheckpointOffsets {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw e;
    }
    const lines = text.split('\n').filter((l) => l.trim().length > 0);
    const fail = (what: string) => new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `the checkpoint file ${this.path} is malformed (${what}); delete it and the task restores its stores from the beginning of their changelogs`);
    if (lines.length === 0) throw fail('empty');
    const version = Number(lines[0].trim());
    if (version !== VERSION) throw fail(`version ${lines[0].trim()}, this version of Sluice Streams reads version ${VERSION}`);
    const count = Number(lines[1]?.trim());
    if (!Number.isInteger(count) || count < 0) throw fail(`entry count ${JSON.stringify(lines[1] ?? '')}`);
    if (lines.length - 2 !== count) throw fail(`${count} entries announced, ${lines.length - 2} found`);
    const out: CheckpointOffsets = new Map();
    for (const line of lines.slice(2)) {
      const parts = line.trim().split(/\s+/);
      if (parts.length !== 3 || !/^\d+$/.test(parts[1]) || !/^-?\d+$/.test(parts[2])) throw fail(`line ${JSON.stringify(line)}`);
      out.set(checkpointKey(parts[0], Number(parts[1])), BigInt(parts[2]));
    }
    return out;
  }

  delete(): void {
    rmSync(this.path, { force: true });
  }
}
