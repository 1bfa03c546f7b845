/**
 * Kafka's JAAS configuration text, as in sasl.jaas.config:
 *   org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";
 * one login module (class, control flag, options as name=value, values quoted or bare), ending
 * in a semicolon.
 */
import { ConfigError } from '../config/definitions.ts';

export interface JaasModule {
  className: string;
  flag: string;
  options: Map<string, string>;
}

export function parseJaasConfig(text: string, setting: string): JaasModule {
  // The setting's value is a secret: messages name the setting and the place, never the text.
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid ${setting}: ${why}; expected e.g. org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";`);
  };
  const head = /^\s*([A-Za-z_$][\w$.]*)\s+(required|requisite|sufficient|optional)\b/.exec(text);
  if (head === null) fail('it does not start with a login module class and a control flag (required)');
  const options = new Map<string, string>();
  let rest = text.slice(head![0].length);
  const option = /^\s*([^\s=;]+)\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^\s;"]+))/;
  for (;;) {
    const end = /^\s*;\s*$/.exec(rest);
    if (end !== null) break;
    const m = option.exec(rest);
    if (m === null) fail(rest.trim() === '' ? 'it does not end with a semicolon' : 'an option is not of the form name="value"');
    options.set(m![1], m![2] !== undefined ? m![2].replace(/\\(.)/g, '$1') : m![3]);
    rest = rest.slice(m![0].length);
  }
  return { className: head![1], flag: head![2], options };
}
