// @sluice/connect: Kafka Connect's runtime side in TypeScript: Kafka's converters and single message
// transforms under Kafka's class names, and the plugin registry (the worker joins later). See README.md.
export { JsonConverter, JSON_CONVERTER_CONFIG } from './converters/json-converter.js';
export { StringConverter, ByteArrayConverter, ShortConverter, IntegerConverter, LongConverter, FloatConverter, DoubleConverter, BooleanConverter, SimpleHeaderConverter } from './converters/simple-converters.js';
export { CONVERTER_TYPE_CONFIG } from './converters/converter-config.js';
export { InsertField } from './transforms/insert-field.js';
export { ReplaceField } from './transforms/replace-field.js';
export { MaskField } from './transforms/mask-field.js';
export { ValueToKey } from './transforms/value-to-key.js';
export { ExtractField } from './transforms/extract-field.js';
export { HoistField } from './transforms/hoist-field.js';
export { Cast } from './transforms/cast.js';
export { TimestampConverter } from './transforms/timestamp-converter.js';
export { TimestampRouter, RegexRouter } from './transforms/routers.js';
export { Flatten } from './transforms/flatten.js';
export { Filter, SetSchemaMetadata } from './transforms/simple-transforms.js';
export { InsertHeader, DropHeaders, HeaderFrom } from './transforms/header-transforms.js';
export { TopicNameMatches, HasHeaderKey, RecordIsTombstone } from './transforms/predicates.js';
export { Plugins, builtinPlugins, type PluginType, type PluginDesc } from './plugins.js';
export { TransformationChain, TransformationStage, transformationChain } from './chain.js';
