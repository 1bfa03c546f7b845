/**
 * The crash-safe swap of compacted segments. The cleaner writes each replacement next to its
 * original as `<base>.log.cleaned` and syncs it; then it commits by writing the manifest (the
 * list of bases being replaced) atomically; then it renames originals to `.deleted` and
 * replacements into place, and removes the manifest. A crash before the manifest leaves only
 * `.cleaned` files, which recovery removes (the originals are intact). A crash after it is
 * finished by recovery from the manifest. Either way every key keeps its newest value.
 */
import { UnsupportedStateFileError } from '../errors.ts';
import type { FileCache } from '../file-cache.ts';
import { COMPACTION_MANIFEST } from '../state-files/compaction-manifest.ts';
import { decodeStateFile, writeStateFile } from '../state-files/state-file.ts';
import { segmentFiles } from './segment.ts';

/** The folder of the log being compacted and the cache its segment files are open in. */
export interface CompactedLog {
  readonly dir: string;
  readonly cache: FileCache;
}

export async function commitCompaction(log: CompactedLog, bases: bigint[]): Promise<void> {
  await writeStateFile(log.cache.fs, log.dir, COMPACTION_MANIFEST, bases);
  await finishCompaction(log);
}

/** Completes a committed swap, if one is recorded; harmless to run again after a crash. */
export async function finishCompaction(log: CompactedLog): Promise<void> {
  const fs = log.cache.fs;
  const manifest = `${log.dir}/${COMPACTION_MANIFEST.name}`;
  if (!(await fs.exists(manifest))) return;
  let bases: bigint[] | null;
  try {
    bases = decodeStateFile(COMPACTION_MANIFEST, manifest, await fs.readFile(manifest));
  } catch (e) {
    if (e instanceof UnsupportedStateFileError) throw e;
    bases = null;
  }
  if (bases === null) {
    // A manifest that cannot be read was never committed (writes are atomic): ignore it.
    await fs.remove(manifest);
    await fs.syncDir(log.dir);
    return;
  }
  for (const base of bases) {
    const files = segmentFiles(log.dir, base);
    const cleaned = `${files.log}.cleaned`;
    if (!(await fs.exists(cleaned))) continue; // already swapped
    for (const path of [files.log, files.index, files.timeIndex]) await log.cache.close(path);
    if (await fs.exists(files.log)) await fs.rename(files.log, `${files.log}.deleted`);
    await fs.rename(cleaned, files.log);
    await fs.remove(files.index);
    await fs.remove(files.timeIndex);
  }
  await fs.syncDir(log.dir);
  for (const base of bases) await fs.remove(`${segmentFiles(log.dir, base).log}.deleted`);
  await fs.remove(manifest);
  await fs.syncDir(log.dir);
}
