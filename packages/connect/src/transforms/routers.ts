/** Kafka's TimestampRouter and RegexRouter: a new topic name from the record's timestamp or from a regex. */
import { ConfigDef, ConfigException, DataException, type ConnectRecord } from '@sluice/connect-api';
import { validator } from '@sluice/config';
import { DateFormat } from './date-format.js';
import { BaseTransformation } from './util.js';

export const TIMESTAMP_ROUTER_CONFIG = new ConfigDef()
  .define({ name: 'topic.format', type: 'STRING', defaultValue: '${topic}-${timestamp}', importance: 'high', documentation: 'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.' })
  .define({ name: 'timestamp.format', type: 'STRING', defaultValue: 'yyyyMMdd', importance: 'high', documentation: 'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.' });

export class TimestampRouter extends BaseTransformation {
  #topicFormat = '';
  #format!: DateFormat;

  config(): ConfigDef {
    return TIMESTAMP_ROUTER_CONFIG;
  }

  protected override configured(): void {
    this.#topicFormat = this.settings['topic.format'] as string;
    this.#format = new DateFormat(this.settings['timestamp.format'] as string);
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    if (record.timestamp === null) throw new DataException(`Timestamp missing on record: ${String(record)}`);
    const topic = this.#topicFormat.replaceAll('${topic}', record.topic).replaceAll('${timestamp}', this.#format.format(new Date(record.timestamp)));
    return record.newRecord(topic, record.kafkaPartition, record.keySchema, record.key, record.valueSchema, record.value, record.timestamp);
  }
}

/** A Java regex as a JavaScript one; a pattern JavaScript cannot compile is a ConfigException naming the setting. */
export function compileJavaRegex(setting: string, pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    throw new ConfigException(setting, pattern, `Invalid regex: ${(e as Error).message}`);
  }
}

const regexValidator = (setting: string) =>
  validator('valid regex', (v) => {
    try {
      compileJavaRegex(setting, String(v));
      return undefined;
    } catch (e) {
      return (e as Error).message.replace(/^Invalid value .* for configuration [^:]+: /, '');
    }
  });

export const REGEX_ROUTER_CONFIG = new ConfigDef()
  .define({ name: 'regex', type: 'STRING', validator: regexValidator('regex'), importance: 'high', documentation: 'Regular expression to use for matching.' })
  .define({ name: 'replacement', type: 'STRING', importance: 'high', documentation: 'Replacement string.' });

/** Java's replacement syntax ($1, ${name}, \$) in JavaScript's ($1, $<name>, $$). */
function javaReplacement(replacement: string): string {
  return replacement.replace(/\\(.)|\$\{(\w+)\}|\$(\d)|\$/g, (all, escaped: string | undefined, name: string | undefined, group: string | undefined) => {
    if (escaped !== undefined) return escaped === '$' ? '$$' : escaped;
    if (name !== undefined) return `$<${name}>`;
    if (group !== undefined) return `$${group}`;
    return all;
  });
}

export class RegexRouter extends BaseTransformation {
  #regex!: RegExp;
  #replacement = '';

  config(): ConfigDef {
    return REGEX_ROUTER_CONFIG;
  }

  protected override configured(): void {
    this.#regex = compileJavaRegex('regex', this.settings.regex as string);
    this.#replacement = javaReplacement(this.settings.replacement as string);
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    if (!this.#regex.test(record.topic)) return record;
    const topic = record.topic.replace(this.#regex, this.#replacement);
    return record.newRecord(topic, record.kafkaPartition, record.keySchema, record.key, record.valueSchema, record.value, record.timestamp);
  }
}
