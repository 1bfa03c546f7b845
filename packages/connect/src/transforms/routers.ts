/** Kafka's TimestampRouter and RegexRouter: a new topic name from the record's timestamp or from a regex. */
import { ConfigDef, ConfigException, DataException, type ConnectRecord } from '@sluice/connect-api';
import { validator } from '@sluice/config';
import { DateFormat } from './date-format.ts';
import { BaseTransformation } from './util.ts';

export const TIMESTAMP_ROUTER_CONFIG = new ConfigDef()
  .define({ name: 'topic.format', type: 'STRING', defaultValue: '${topic}-${timestamp}', importance: 'high', documentation: 'The new topic name; ${topic} stands for the record\'s topic and ${timestamp} for its formatted timestamp.' })
  .define({ name: 'timestamp.format', type: 'STRING', defaultValue: 'yyyyMMdd', importance: 'high', documentation: 'How ${timestamp} is written, as a SimpleDateFormat pattern (in UTC).' });

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
    if (v === null) return undefined;
    try {
      compileJavaRegex(setting, String(v));
      return undefined;
    } catch (e) {
      return (e as Error).message.replace(/^Invalid value .* for configuration [^:]+: /, '');
    }
  });

export const REGEX_ROUTER_CONFIG = new ConfigDef()
  .define({ name: 'regex', type: 'STRING', validator: regexValidator('regex'), importance: 'high', documentation: 'A regular expression the whole topic name must match for the record to be renamed.' })
  .define({ name: 'replacement', type: 'STRING', importance: 'high', documentation: 'The new topic name; $1, $2... stand for the regular expression\'s groups.' });

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
