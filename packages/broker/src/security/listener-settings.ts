/**
 * One listener's view of the security settings, with Kafka's precedence: a setting given with the
 * listener's prefix (listener.name.<listener name in lower case>.ssl.client.auth) wins over the
 * broker-wide one (ssl.client.auth). SASL JAAS configs are per mechanism as well:
 * listener.name.<listener>.<mechanism in lower case>.sasl.jaas.config.
 */
import type { BrokerConfig } from '../config/broker-config.ts';
import { BROKER_CONFIGS, parseValue } from '../config/definitions.ts';

export class ListenerSettings {
  private readonly prefix: string;

  private readonly config: BrokerConfig;
  readonly listenerName: string;

  constructor(config: BrokerConfig, listenerName: string) {
    this.config = config;
    this.listenerName = listenerName;
    this.prefix = `listener.name.${listenerName.toLowerCase()}.`;
  }

  /** The setting's text for this listener, or null when neither form is given and it has no default. */
  get(name: string): string | null {
    const own = this.own(name);
    if (own !== null) return own;
    if (this.config.has(name)) return this.config.string(name);
    return this.config.scopedSetting(name) ?? null;
  }

  /** The value given with the listener's prefix only (checked as the broker-wide one would be), or null. */
  own(name: string): string | null {
    const own = this.config.scopedSetting(this.prefix + name);
    if (own === undefined) return null;
    const def = BROKER_CONFIGS.find((d) => d.name === name);
    if (def !== undefined) parseValue({ ...def, name: this.prefix + name }, own);
    return own;
  }

  /** The name under which a setting was given, for messages ("listener.name.x.ssl.keystore.location"). */
  nameOf(name: string): string {
    return this.config.scopedSetting(this.prefix + name) !== undefined ? this.prefix + name : name;
  }

  /** A comma-separated list setting, trimmed, empty entries dropped. */
  list(name: string): string[] {
    return (this.get(name) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  }

  /** The JAAS config of one SASL mechanism on this listener (Kafka also reads the listener's plain sasl.jaas.config). */
  jaasConfig(mechanism: string): { name: string; text: string } | undefined {
    for (const name of [`${this.prefix}${mechanism.toLowerCase()}.sasl.jaas.config`, `${this.prefix}sasl.jaas.config`]) {
      const text = this.config.scopedSetting(name);
      if (text !== undefined) return { name, text };
    }
    return undefined;
  }
}
