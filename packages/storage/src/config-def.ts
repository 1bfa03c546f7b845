/**
 * Configuration tables are defined with @sluice/config (name, type, default, importance, doc,
 * validation), shared by the topic configs here, the broker's own table, the client and streams.
 * Re-exported so storage's users keep one import.
 */
export { ConfigError, parseConfigValue, atLeast, between, oneOf, listOf, type ConfigDefinition, type ConfigType, type Importance } from '@sluice/config';
