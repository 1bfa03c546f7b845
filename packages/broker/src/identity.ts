/**
 * The data directory's identity, in Kafka's meta.properties format (version, cluster.id,
 * node.id), and the producer ids handed out from it.
 */
import { randomUuid } from '@sluice/protocol';
import { type FileSystem, writeFileAtomic } from '@sluice/storage';
import { ConfigError } from './config/definitions.js';
import { parseProperties } from './config/broker-config.js';

export async function loadOrCreateIdentity(fs: FileSystem, dataDir: string, nodeId: number, configuredClusterId: string | null): Promise<{ clusterId: string }> {
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
    return { clusterId };
  }
  const clusterId = configuredClusterId ?? randomUuid();
  await writeFileAtomic(fs, path, Buffer.from(`#Written by Sluice\nversion=1\ncluster.id=${clusterId}\nnode.id=${nodeId}\n`));
  return { clusterId };
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

  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}

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
