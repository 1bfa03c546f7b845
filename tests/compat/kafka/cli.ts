// node --conditions=sluice:source tests/compat/kafka/cli.ts fetch            download the jars (once)
// node --conditions=sluice:source tests/compat/kafka/cli.ts start [--port N]   run a broker until Ctrl-C
import { ensureKafkaJars, KAFKA_VERSION, kafkaHome, startApacheKafka } from '@sluice/test-kit';

const [cmd, ...rest] = process.argv.slice(2);

function flag(name: string): string | undefined {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (cmd === 'fetch') {
    const libs = await ensureKafkaJars();
    console.log(libs);
    return;
  }
  if (cmd === 'start') {
    const port = Number(flag('--port') ?? 0);
    const kafka = await startApacheKafka({ port, verbose: rest.includes('--verbose') });
    console.log(`Apache Kafka ${KAFKA_VERSION} listening on ${kafka.bootstrap} (data in ${kafka.logDir}); Ctrl-C stops it`);
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping...');
      kafka.stop().then(() => process.exit(0), (err) => {
        console.error(err);
        process.exit(1);
      });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return;
  }
  console.error(`usage: cli.ts fetch | start [--port N] [--verbose]
  fetch   download Apache Kafka ${KAFKA_VERSION} jars into ${kafkaHome()}/libs (SLUICE_KAFKA_HOME overrides)
  start   run a single-node KRaft broker on 127.0.0.1 in the foreground until Ctrl-C`);
  process.exit(2);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
