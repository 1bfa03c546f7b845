export { startBroker, type Broker, type BrokerOptions } from './broker.js';
export { BrokerConfig, parseProperties } from './config/broker-config.js';
export { BROKER_CONFIGS, ConfigError } from './config/definitions.js';
export type { BrokerLog } from './core.js';
export { DataDirLockedError, LOCK_FILE } from './data-dir-lock.js';
export { ListenError } from './port-check.js';
export {
  BrokerChannels,
  type BrokerRequestMessage,
  type BrokerProduceMessage,
  type BrokerFetchMessage,
  type BrokerGroupStateMessage,
} from './diagnostics.js';
