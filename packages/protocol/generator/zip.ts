/**
 * Reads entries out of a zip archive (a jar), enough for the generator to take Kafka's message
 * definitions straight from Kafka's own jars: stored and deflated entries, no ZIP64, no
 * encryption. Every entry's CRC-32 is checked, so a damaged download fails here rather than
 * turning into wrong generated code.
 */
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The path inside the archive, '/'-separated. */
  name: string;
  data: Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes followed by a comment of at most 65,535 bytes. */
const MAX_END_SEARCH = 22 + 0xffff;

export class ZipFormatError extends Error {
  constructor(archive: string, problem: string) {
    super(`${archive}: ${problem}`);
    this.name = 'ZipFormatError';
  }
}

/** The entries of `path` whose names `wanted` accepts, in the archive's order. */
export function readZipEntries(path: string, wanted: (name: string) => boolean): ZipEntry[] {
  return readZipBuffer(readFileSync(path), wanted, path);
}

export function readZipBuffer(zip: Buffer, wanted: (name: string) => boolean, label = 'zip archive'): ZipEntry[] {
  const fail = (problem: string): never => {
    throw new ZipFormatError(label, problem);
  };
  const end = findEndRecord(zip) ?? fail('no end of central directory record (not a zip archive, or truncated)');
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) fail('ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) fail(`central directory entry ${i} is damaged`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const expectedCrc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (flags & 1) fail(`${name} is encrypted`);
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) fail(`${name}: local header is damaged`);
    // The local header's own name and extra lengths can differ from the central directory's.
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) fail(`${name} runs past the end of the archive`);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === STORED) data = raw;
    else if (method === DEFLATED) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        return fail(`${name} cannot be inflated: ${(err as Error).message}`);
      }
    } else return fail(`${name} uses compression method ${method}; only stored (0) and deflated (8) are supported`);
    if (data.length !== size || crc32(data) !== expectedCrc) fail(`${name} fails its size or CRC-32 check`);
    entries.push({ name, data });
  }
  return entries;
}

function findEndRecord(zip: Buffer): number | null {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - MAX_END_SEARCH); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return null;
}
