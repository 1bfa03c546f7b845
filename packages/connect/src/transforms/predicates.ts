/** Kafka's predicates: TopicNameMatches, HasHeaderKey and RecordIsTombstone (`negate` is the runtime's, see chain.ts). */
import { ConfigDef, ConfigValidators, type ConnectRecord } from '@sluice/connect-api';
import { validator } from '@sluice/config';
import { compileJavaRegex } from './routers.ts';
import { BasePredicate } from './util.ts';

export const TOPIC_NAME_MATCHES_CONFIG = new ConfigDef().define({
  name: 'pattern',
  type: 'STRING',
  validator: validator('non-empty string, valid regex', (v) => {
    if (v === null) return undefined;
    if (typeof v !== 'string' || v === '') return 'String must be non-empty';
    try {
      compileJavaRegex('pattern', v);
      return undefined;
    } catch (e) {
      return (e as Error).message.replace(/^Invalid value .* for configuration [^:]+: /, '');
    }
  }),
  importance: 'medium',
  documentation: 'A regular expression the whole topic name must match.',
});

export class TopicNameMatches extends BasePredicate {
  #pattern!: RegExp;
  config(): ConfigDef {
    return TOPIC_NAME_MATCHES_CONFIG;
  }
  protected override configured(): void {
    this.#pattern = compileJavaRegex('pattern', this.settings.pattern as string);
  }
  test(record: ConnectRecord<any>): boolean {
    return record.topic != null && this.#pattern.test(record.topic);
  }
}

export const HAS_HEADER_KEY_CONFIG = new ConfigDef().define({ name: 'name', type: 'STRING', validator: ConfigValidators.nonEmptyString(), importance: 'medium', documentation: 'The header key a record must have.' });

export class HasHeaderKey extends BasePredicate {
  #name = '';
  config(): ConfigDef {
    return HAS_HEADER_KEY_CONFIG;
  }
  protected override configured(): void {
    this.#name = this.settings.name as string;
  }
  test(record: ConnectRecord<any>): boolean {
    return record.headers.allWithName(this.#name).length > 0;
  }
}

export class RecordIsTombstone extends BasePredicate {
  config(): ConfigDef {
    return new ConfigDef();
  }
  test(record: ConnectRecord<any>): boolean {
    return record.value === null;
  }
}
