export { startBroker, type Broker, type BrokerOptions } from './broker.js';
// The contract: startBroker and its options, parsing server.properties for them, the errors a
// start can end in, the log it writes to, and the diagnostics channels. The typed config stays
// inside; the definitions of the settings are published (read-only), as Kafka publishes its
// ConfigDefs, for docs/configuration.md and tools.
export { parseProperties } from './config/broker-config.js';
export { BROKER_CONFIGS, ConfigError } from './config/definitions.js';
export type { BrokerLog } from './core.js';
export { DataDirLockedError } from './data-dir-lock.js';
export { ListenError } from './port-check.js';
export { StateFileError } from './durable-state-file.js';
export { BrokerErrorCode } from './errors.js';
export {
  BrokerChannels,
  type BrokerRequestMessage,
  type BrokerProduceMessage,
  type BrokerFetchMessage,
  type BrokerGroupStateMessage,
  type BrokerThrottleMessage,
} from './diagnostics.js';
