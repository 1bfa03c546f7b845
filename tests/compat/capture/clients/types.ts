import type { SentRecord } from '../records.ts';

export interface CaptureContext {
  /** The proxy's address: every client connects here. */
  bootstrap: string;
  /** RECORDS as TSV, for the Java and Python programs. */
  recordsFile: string;
  kcatRecordsFile: string;
  log: (message: string) => void;
}

/** A produce whose stored batches become a kafka-log fixture (`<client>-<codec>.log`). */
export interface StoredBatch {
  topic: string;
  codec: string;
  records: SentRecord[];
  note?: string;
}

export interface Scenario {
  name: string;
  run(ctx: CaptureContext): Promise<void>;
  /** Topic the scenario produces into; created (1 partition) before the capture, outside the proxy. */
  produces?: StoredBatch;
}

export interface CaptureClient {
  /** Folder name under captures/, prefix of kafka-log files. */
  name: string;
  /** Checks the toolchain, builds or installs what is missing, and returns the exact version text. */
  prepare(log: (message: string) => void): Promise<string>;
  scenarios: Scenario[];
}

export const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
