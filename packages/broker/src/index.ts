export { startBroker, type Broker, type BrokerOptions } from './broker.js';
// The contract: startBroker and its options, parsing server.properties for them, the errors a
// start can end in, the log it writes to, and the diagnostics channels. The typed config and its
// definition table stay inside.
export { parseProperties } from './config/broker-config.js';
export { ConfigError } from './config/definitions.js';
export type { BrokerLog } from './core.js';
export { DataDirLockedError } from './data-dir-lock.js';
export { ListenError } from './port-check.js';
export {
  BrokerChannels,
  type BrokerRequestMessage,
  type BrokerProduceMessage,
  type BrokerFetchMessage,
  type BrokerGroupStateMessage,
} from './diagnostics.js';
