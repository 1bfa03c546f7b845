/**
 * The broker a client benchmark runs against (`--broker sluice|kafka`): Sluice's broker as a
 * separate process, as `npx sluice broker` runs it, on a fresh data folder removed afterwards; or
 * Apache Kafka 4.3.1 (single node, 1 GiB heap).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, KAFKA_VERSION, startApacheKafka, startBrokerProcess } from '@sluice/test-kit';

export interface BenchBroker {
  name: string;
  bootstrap: string;
  stop(): Promise<void>;
}

/** `sluiceArgs`: the broker command's extra arguments (`--set name=value`…); Kafka runs with its defaults. */
export async function startBenchBroker(kind: string | undefined, sluiceArgs: readonly string[] = []): Promise<BenchBroker> {
  if (kind === 'kafka') {
    const kafka = await startApacheKafka({ heap: '1g' });
    return { name: `Apache Kafka ${KAFKA_VERSION}`, bootstrap: kafka.bootstrap, stop: () => kafka.stop() };
  }
  if (kind !== 'sluice') throw new Error(`--broker must be sluice or kafka, not '${kind}'`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-broker-'));
  const port = await freePort();
  const broker = await startBrokerProcess(port, dataDir, [...sluiceArgs]);
  return {
    name: 'Sluice broker (separate process)',
    bootstrap: `127.0.0.1:${port}`,
    async stop() {
      broker.child.kill('SIGTERM');
      await broker.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
