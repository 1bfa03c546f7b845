/**
 * The brokers the client suite runs against, with the same assertions: Sluice's broker
 * (in-process) and a real Apache Kafka 4.3.1 (single node, KRaft; see tests/compat/kafka).
 */
import { startBroker } from '@sluice/broker';
import { startApacheKafka, KAFKA_VERSION } from '@sluice/test-kit';

export interface RunningTarget {
  bootstrap: string;
  stop(): Promise<void>;
}

export interface Target {
  name: string;
  start(): Promise<RunningTarget>;
}

export const sluiceTarget: Target = {
  name: 'Sluice',
  async start() {
    const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    return { bootstrap: broker.bootstrap, stop: () => broker.close() };
  },
};

export const apacheKafkaTarget: Target = {
  name: `Apache Kafka ${KAFKA_VERSION}`,
  async start() {
    const kafka = await startApacheKafka();
    return { bootstrap: kafka.bootstrap, stop: () => kafka.stop() };
  },
};

export const targets: readonly Target[] = [sluiceTarget, apacheKafkaTarget];

let counter = 0;
/** A topic or group name no earlier test (or run against a kept log dir) used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}
