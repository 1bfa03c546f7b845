/**
 * The data directory's identity, in Kafka's meta.properties format (version 1: cluster.id,
 * node.id, directory.id), and the producer ids handed out from it.
 */
import { ZERO_UUID, isValidUuid, randomUuid, uuidToBytes } from '@sluice/protocol';
import { type FileSystem, writeFileAtomic } from '@sluice/storage';
import { ConfigError } from './config/definitions.ts';
import { parseProperties } from './config/broker-config.ts';

export interface DataDirIdentity {
  clusterId: string;
  /**
   * The log directory's own id, Kafka's directory.id: random when the folder is first used, kept
   * for its life. Kafka's KRaft quorum names its voters by it (DescribeQuorum, kraft.version 1).
   */
  directoryId: string;
}

/**
 * Reads meta.properties, or writes it for a new data folder. A folder written before directory
 * ids (or by hand without one) is given one and the file rewritten, as Kafka does at its start;
 * each write replaces the file whole, so a crash leaves the old file or the new one.
 */
export async function loadOrCreateIdentity(fs: FileSystem, dataDir: string, nodeId: number, configuredClusterId: string | null): Promise<DataDirIdentity> {
  const path = `${dataDir}/meta.properties`;
  if (await fs.exists(path)) {
    const props = parseProperties((await fs.readFile(path)).toString());
    const clusterId = props['cluster.id'];
    if (!clusterId) throw new ConfigError(`${path} has no cluster.id; restore it or move the data directory away`);
    if (props['node.id'] !== undefined && Number(props['node.id']) !== nodeId) {
      throw new ConfigError(`The data directory ${dataDir} belongs to node ${props['node.id']}, not node.id=${nodeId}; set node.id=${props['node.id']} or use another --data-dir`);
    }
    if (configuredClusterId !== null && configuredClusterId !== clusterId) {
      throw new ConfigError(`The data directory ${dataDir} belongs to cluster ${clusterId}, not cluster.id=${configuredClusterId}`);
    }
    const stored = props['directory.id'];
    if (stored !== undefined) {
      if (!isValidUuid(stored) || isReservedDirectoryId(stored)) {
        throw new ConfigError(`${path} has directory.id=${stored}, which is not a directory id (22 characters of URL-safe base64, not one of Kafka's reserved ids); restore the file from a backup, or remove the directory.id line to be given a new one`);
      }
      return { clusterId, directoryId: stored };
    }
    const directoryId = newDirectoryId();
    await writeFileAtomic(fs, path, Buffer.from(metaProperties({ ...props, 'directory.id': directoryId })));
    return { clusterId, directoryId };
  }
  const clusterId = configuredClusterId ?? randomUuid();
  const directoryId = newDirectoryId();
  await writeFileAtomic(fs, path, Buffer.from(metaProperties({ version: '1', 'cluster.id': clusterId, 'node.id': String(nodeId), 'directory.id': directoryId })));
  return { clusterId, directoryId };
}

function metaProperties(props: Record<string, string>): string {
  return `#Written by Sluice\n${Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n')}\n`;
}

/** Kafka keeps the ids below 100 (zero: unassigned, one: lost, two: migrating...) for itself. */
function isReservedDirectoryId(id: string): boolean {
  const bytes = uuidToBytes(id);
  return bytes.readBigUInt64BE(0) === 0n && bytes.readBigUInt64BE(8) < 100n;
}

function newDirectoryId(): string {
  for (;;) {
    const id = randomUuid();
    if (id !== ZERO_UUID && !isReservedDirectoryId(id)) return id;
  }
}

const BLOCK = 1000n;

/**
 * Producer ids come from blocks recorded in the data directory before any id of the block is
 * given out, so no id is ever handed out twice, even after a crash (a crash skips the rest of
 * the block, as Kafka's controller does).
 */
export class ProducerIdAllocator {
  private next = 0n;
  private blockEnd = 0n;
  private pending: Promise<void> | null = null;

  private readonly fs: FileSystem;
  private readonly path: string;

  constructor(fs: FileSystem, path: string) {
    this.fs = fs;
    this.path = path;
  }

  async open(): Promise<void> {
    if (await this.fs.exists(this.path)) {
      const text = (await this.fs.readFile(this.path)).toString().trim();
      if (/^\d+$/.test(text)) this.next = this.blockEnd = BigInt(text);
    }
  }

  async allocate(): Promise<bigint> {
    while (this.next >= this.blockEnd) {
      if (this.pending === null) {
        const end = this.blockEnd + BLOCK;
        this.pending = writeFileAtomic(this.fs, this.path, Buffer.from(`${end}\n`)).then(
          () => {
            this.blockEnd = end;
            this.pending = null;
          },
          (e) => {
            this.pending = null;
            throw e;
          },
        );
      }
      await this.pending;
    }
    return this.next++;
  }
}
