export { ConfigError, ConfigErrorCode, parseConfigValue, type ConfigDefinition, type ConfigType, type Importance } from './definition.js';
export { type Validator, validator, atLeast, between, oneOf, listOf } from './validators.js';
export {
  opt,
  tuned,
  checkOptions,
  describeValue,
  type OptionSpec,
  type OptionTable,
  type OptionsOf,
  type ResolvedOf,
  type OptionProblem,
  type IntLimits,
} from './options.js';
export { definitionRows, optionRows, markdownTable, type ConfigRow } from './docs.js';
