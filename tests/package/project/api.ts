// Type-checked in the installed project against the published declarations (dist/*.d.ts): the
// public API as a TypeScript user writes it. Not run.
import { startBroker, type Broker, type BrokerOptions } from '@sluice/broker';
import { Admin, Consumer, KafkaError, Producer, type ConsumerRecord, type ProducerOptions, type RecordMetadata } from '@sluice/client';
import { CompressionType, compress } from '@sluice/protocol';
import { KafkaStreams, Materialized, Serdes, StreamsBuilder, TopologyTestDriver, type KafkaStreamsState, type KTable } from '@sluice/streams';
import { main } from '@sluice/cli';
import { SourceConnector, SourceTask, ConfigDef, SourceRecord, Schema, type ConnectorConfig, type TaskClass } from '@sluice/connect-api';
import { JsonConverter, builtinPlugins, type PluginType } from '@sluice/connect';

export async function pipeline(options: BrokerOptions): Promise<RecordMetadata> {
  const broker: Broker = await startBroker(options);
  const producerOptions: ProducerOptions = { bootstrapServers: broker.bootstrap, compression: 'zstd', acks: 'all' };
  const producer = new Producer(producerOptions);
  const metadata = await producer.send({ topic: 'orders', key: 'k', value: JSON.stringify({ amount: 1 }), headers: { source: 'types' } });
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'g', autoOffsetReset: 'earliest' });
  consumer.subscribe(['orders']);
  for await (const batch of consumer) {
    const first: ConsumerRecord | undefined = batch.records[0];
    const offset: bigint | number | undefined = first?.offset;
    void offset;
    break;
  }
  await consumer.close();
  await new Admin({ bootstrapServers: broker.bootstrap }).close();
  await producer.close();
  await broker.close();
  return metadata;
}

export function topology(): string {
  const builder = new StreamsBuilder();
  builder
    .stream('in', { keySerde: Serdes.String(), valueSerde: Serdes.String() })
    .filter((_key, value) => value !== null && value.length > 0)
    .mapValues((value) => value.toUpperCase())
    .to('out');
  const driver = new TopologyTestDriver(builder.build());
  driver.close();
  const streams = new KafkaStreams(builder.build(), { applicationId: 'a', bootstrapServers: '127.0.0.1:9092' });
  streams.setStateListener((state: KafkaStreamsState) => void state);
  return builder.build().describe().toString();
}

/** The stateful DSL from the built declarations (KStream.groupBy is declared in a module of its own). */
export function stockTable(): string | null {
  const builder = new StreamsBuilder();
  const counts: KTable<string, bigint> = builder
    .stream('orders', { keySerde: Serdes.String(), valueSerde: Serdes.String() })
    .groupBy((_key, sku) => sku)
    .count(Materialized.as('orders-per-sku'));
  return counts.queryableStoreName();
}

export const zstd: Promise<Buffer> = compress(CompressionType.Zstd, Buffer.from('x'));
export const isKafkaError = (e: unknown): boolean => e instanceof KafkaError && e.retriable;
export const run: (argv: string[]) => Promise<number> = main;

// @ts-expect-error a wrong option name must not type-check, so this check can fail
export const wrong = new Producer({ bootstrapServer: 'x' });

/** A connector as a plugin author writes one against the published contract. */
class LinesTask extends SourceTask {
  version(): string {
    return '1';
  }
  start(props: ConnectorConfig): void {
    void props;
  }
  async poll(): Promise<SourceRecord[] | null> {
    return [new SourceRecord({ sourcePartition: { file: 'a' }, sourceOffset: { line: 1 }, topic: 'lines', valueSchema: Schema.STRING_SCHEMA, value: 'x' })];
  }
  stop(): void {}
}

export class LinesConnector extends SourceConnector {
  version(): string {
    return '1';
  }
  start(props: ConnectorConfig): void {
    void props;
  }
  taskClass(): TaskClass {
    return LinesTask;
  }
  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, () => ({}));
  }
  stop(): void {}
  config(): ConfigDef {
    return new ConfigDef().define({ name: 'file', type: 'STRING', importance: 'high', documentation: 'The file.' });
  }
}

export function converterBytes(): Uint8Array | null {
  const kind: PluginType = 'converter';
  const converter = builtinPlugins().create<JsonConverter>('Json', kind, 'value.converter');
  converter.configure({ 'schemas.enable': 'false' }, false);
  return converter.fromConnectData('t', Schema.STRING_SCHEMA, 'v');
}
