export { ConfigError, ConfigErrorCode, parseConfigValue, type ConfigDefinition, type ConfigType, type Importance } from './definition.ts';
export { type Validator, validator, atLeast, between, oneOf, listOf } from './validators.ts';
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
} from './options.ts';
export { definitionRows, optionRows, markdownTable, type ConfigRow } from './docs.ts';
