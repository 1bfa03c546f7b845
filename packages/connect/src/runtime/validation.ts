/**
 * Validating a connector's config as Kafka's AbstractHerder.validateConnectorConfig does: the
 * connector-level settings of its kind with the connector's own, sinks' topics rule, and
 * converters and transforms built to find bad class names or settings. The answer is
 * ConfigInfos (`/connector-plugins/{plugin}/config/validate`); a create or update refuses a config
 * with any error, listing them.
 */
import { type ConfigDef, ConfigValue, configInfos, type ConfigInfos, type ConnectorConfig, type SourceConnector } from '@sluice/connect-api';
import { transformationChain } from '../chain.ts';
import { sinkConnectorConfigDef, sourceConnectorConfigDef } from './connector-config.ts';
import { validateExactlyOnceSource } from './exactly-once-validation.ts';
import { badRequest } from './herder.ts';
import type { Worker } from './worker.ts';

/** What the herder adds: distributed mode's exactly-once checks of source connectors (absent in standalone mode, as in Kafka). */
export interface ValidationContext {
  exactlyOnceSourceEnabled?: boolean;
}

export function validateConnectorConfig(worker: Worker, config: ConnectorConfig, className = config['connector.class'], context: ValidationContext = {}): ConfigInfos {
  if (className === undefined) throw badRequest(`Connector config ${javaMap(config)} contains no connector type`);
  let found: ReturnType<Worker['newConnector']>;
  try {
    found = worker.newConnector(className);
  } catch (e) {
    // Kafka 4.3 answers an unknown connector class with 400 and the plugin search's message.
    throw badRequest((e as Error).message);
  }
  const { connector, type } = found;
  const classes = (type: 'converter' | 'header_converter') => [...new Set(worker.plugins.list(type).map((d) => d.className))].sort();
  const defaults = { key: worker.config.string('key.converter'), value: worker.config.string('value.converter'), header: worker.config.string('header.converter'), converters: classes('converter'), headerConverters: classes('header_converter') };
  const def: ConfigDef = (type === 'sink' ? sinkConnectorConfigDef(defaults) : sourceConnectorConfigDef(defaults)).withAll(connector.config());
  const values = def.validateAll(config);
  const add = (name: string, message: string) => {
    let v = values.get(name);
    if (v === undefined) {
      v = new ConfigValue(name, config[name] ?? null);
      values.set(name, v);
    }
    v.addErrorMessage(message);
  };
  if (type === 'sink') {
    const topics = (config['topics'] ?? '').trim();
    const regex = (config['topics.regex'] ?? '').trim();
    if (topics !== '' && regex !== '') {
      add('topics', 'Must configure one of topics or topics.regex');
      add('topics.regex', 'Must configure one of topics or topics.regex');
    } else if (topics === '' && regex === '') {
      add('topics', 'Must configure one of topics or topics.regex');
      add('topics.regex', 'Must configure one of topics or topics.regex');
    }
    const dlq = (config['errors.deadletterqueue.topic.name'] ?? '').trim();
    if (dlq !== '' && topics.split(',').map((t) => t.trim()).includes(dlq)) add('errors.deadletterqueue.topic.name', `The DLQ topic '${dlq}' may not be included in the list of topics ('topics=${topics}') consumed by the connector`);
  }
  if (type === 'source' && context.exactlyOnceSourceEnabled !== undefined) validateExactlyOnceSource(connector as SourceConnector, config, values, context.exactlyOnceSourceEnabled);
  // A converter named by its alias is one of the recommended classes all the same (Kafka compares classes, not names).
  for (const setting of ['key.converter', 'value.converter', 'header.converter']) {
    const v = values.get(setting);
    const given = config[setting];
    if (v === undefined || given === undefined) continue;
    const resolved = worker.plugins.resolve(given.trim());
    if (resolved !== null && v.recommendedValues.includes(resolved)) v.errorMessages.splice(0, v.errorMessages.length, ...v.errorMessages.filter((m) => m !== `Invalid value ${given} for configuration ${setting}`));
  }
  // Converters and transforms are built here so that a bad class or setting is refused up front.
  for (const setting of ['key.converter', 'value.converter', 'header.converter'] as const) {
    const name = config[setting];
    if (name === undefined || values.get(setting)?.errorMessages.length) continue;
    try {
      if (setting === 'header.converter') worker.plugins.newHeaderConverter(name, setting).configure({ ...prefixed(config, `${setting}.`), 'converter.type': 'header' });
      else worker.plugins.newConverter(name, setting).configure(prefixed(config, `${setting}.`), setting === 'key.converter');
    } catch (e) {
      add(setting, (e as Error).message);
    }
  }
  try {
    transformationChain(config, worker.plugins).close();
  } catch (e) {
    add(config['transforms'] !== undefined ? 'transforms' : 'predicates', (e as Error).message);
  }
  try {
    for (const v of connector.validate(config).configValues) {
      const mine = values.get(v.name);
      if (mine === undefined) values.set(v.name, v);
      else for (const m of v.errorMessages) if (!mine.errorMessages.includes(m)) mine.addErrorMessage(m);
    }
  } catch (e) {
    add('connector.class', (e as Error).message);
  }
  // A missing setting is its one error, as Kafka reports it (its validator is not run on nothing).
  for (const v of values.values()) {
    const missing = v.errorMessages.find((m) => m.startsWith('Missing required configuration'));
    if (missing !== undefined) v.errorMessages.splice(0, v.errorMessages.length, missing);
  }
  // The name is the connector class as given (an alias stays an alias), as Kafka's answer has it.
  return configInfos(className, def, values.values());
}

/** Kafka's refusal of a config with errors (AbstractHerder.maybeAddConfigErrors). */
export function refuseInvalid(infos: ConfigInfos): void {
  if (infos.error_count === 0) return;
  const lines: string[] = [];
  for (const c of infos.configs) {
    const v = c.value;
    if (v === null || v.errors.length === 0) continue;
    lines.push(`${v.name}: ${v.errors.join('\n')}`);
  }
  throw badRequest(`Connector configuration is invalid and contains the following ${infos.error_count} error(s):\n${lines.join('\n')}\nYou can also find the above list of errors at the endpoint \`/connector-plugins/{connectorType}/config/validate\``);
}

function prefixed(config: ConnectorConfig, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function javaMap(config: ConnectorConfig): string {
  return `{${Object.entries(config).map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}
