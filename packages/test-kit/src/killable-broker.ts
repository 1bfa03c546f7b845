/**
 * A broker that a test kills with SIGKILL and starts again on the same port and data folder:
 * the Sluice broker as a child process, or Apache Kafka 4.3.1. The crash tests use it to put a
 * broker's death in the middle of what a client does, on both brokers alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApacheKafka, type ApacheKafka } from './apache-kafka.ts';
import { startBrokerProcess, type BrokerProcess } from './processes.ts';

export interface KillableBroker {
  bootstrap: string;
  /** Its data folder (log.dirs): `<topic>-<partition>/<base offset>.log`, the same layout for both. */
  dataDir: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Ends it (if running) and removes its data folder. */
  stop(): Promise<void>;
}

/** The `sluice broker` command on a fresh data folder; `extra` are more command-line arguments (`--set k=v`). */
export async function killableSluiceBroker(extra: string[] = []): Promise<KillableBroker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-killable-'));
  // The broker chooses its port at the first start (one picked beforehand may be taken before it
  // binds it); restarts take the same one, as clients expect.
  let broker: BrokerProcess | undefined = await startBrokerProcess(0, dataDir, extra);
  const port = broker.port;
  return {
    bootstrap: `127.0.0.1:${port}`,
    dataDir,
    async kill() {
      broker!.child.kill('SIGKILL');
      await broker!.exited;
      broker = undefined;
    },
    async restart() {
      broker = await startBrokerProcess(port, dataDir, extra);
    },
    async stop() {
      broker?.child.kill('SIGKILL');
      await broker?.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Apache Kafka 4.3.1 on a fresh data folder; `config` as startApacheKafka's. */
export async function killableApacheKafka(config: Record<string, string> = {}): Promise<KillableBroker> {
  const logDir = mkdtempSync(join(tmpdir(), 'sluice-killable-kafka-'));
  let kafka: ApacheKafka | undefined = await startApacheKafka({ logDir, config });
  const port = kafka.port;
  return {
    bootstrap: kafka.bootstrap,
    dataDir: logDir,
    async kill() {
      process.kill(kafka!.pid, 'SIGKILL');
      await kafka!.stop(); // waits for the exit; the data folder is kept (it was given)
      kafka = undefined;
    },
    async restart() {
      kafka = await startApacheKafka({ port, logDir, config });
    },
    async stop() {
      await kafka?.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
