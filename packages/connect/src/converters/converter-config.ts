/** Kafka's ConverterConfig: the `converter.type` every converter is configured with (key, value or header). */
import { ConfigDef, ConfigValidators } from '@sluice/connect-api';

export const CONVERTER_TYPE_CONFIG = 'converter.type';

/** A ConfigDef holding `converter.type`, for a converter to add its own settings to. */
export function converterTypeDef(): ConfigDef {
  return new ConfigDef().define({
    name: CONVERTER_TYPE_CONFIG,
    type: 'STRING',
    validator: ConfigValidators.in('key', 'value', 'header'),
    importance: 'low',
    documentation: 'Whether the converter converts keys, values or headers.',
  });
}

export const isKeyOf = (isKey: boolean): string => (isKey ? 'key' : 'value');
