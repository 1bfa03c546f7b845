export { startBroker, type Broker, type BrokerOptions } from './broker.ts';
// The contract: startBroker and its options, parsing server.properties for them, the errors a
// start can end in, the log it writes to, and the diagnostics channels. The typed config stays
// inside; the definitions of the settings are published (read-only), as Kafka publishes its
// ConfigDefs, for docs/configuration.md and tools.
export { parseProperties } from './config/broker-config.ts';
export { BROKER_CONFIGS, ConfigError } from './config/definitions.ts';
export type { BrokerLog } from './core.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { ListenError } from './port-check.ts';
export { StateFileError } from './durable-state-file.ts';
export { BrokerErrorCode } from './errors.ts';
export {
  BrokerChannels,
  type BrokerRequestMessage,
  type BrokerProduceMessage,
  type BrokerFetchMessage,
  type BrokerGroupStateMessage,
  type BrokerThrottleMessage,
} from './diagnostics.ts';
