/**
 * A connector's transformation chain from its config, as Kafka Connect's ConnectorConfig builds it:
 * `transforms=a,b` with `transforms.a.type` and `transforms.a.*` settings, and predicates
 * (`predicates=p`, `predicates.p.type`, `predicates.p.*`) attached with `transforms.a.predicate=p`
 * and flipped with `transforms.a.negate=true`. A record a stage drops (null) ends the chain.
 */
import { ConfigException, type ConnectRecord, type PluginConfig, type Predicate, type Transformation } from '@sluice/connect-api';
import type { Plugins } from './plugins.ts';

/** One transform with its optional predicate (Kafka's TransformationStage). */
export class TransformationStage {
  readonly alias: string;
  readonly transformation: Transformation;
  readonly predicate: Predicate | null;
  readonly negate: boolean;

  constructor(alias: string, transformation: Transformation, predicate: Predicate | null = null, negate = false) {
    this.alias = alias;
    this.transformation = transformation;
    this.predicate = predicate;
    this.negate = negate;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    if (this.predicate !== null && this.negate === this.predicate.test(record)) return record;
    return this.transformation.apply(record) as R | null;
  }

  close(): void {
    this.transformation.close();
    this.predicate?.close();
  }
}

export class TransformationChain {
  readonly stages: readonly TransformationStage[];

  constructor(stages: readonly TransformationStage[]) {
    this.stages = stages;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    let current: R | null = record;
    for (const stage of this.stages) {
      current = stage.apply(current);
      if (current === null) break;
    }
    return current;
  }

  close(): void {
    for (const stage of this.stages) stage.close();
  }
}

function aliases(config: Readonly<Record<string, string>>, key: string): string[] {
  const text = config[key]?.trim() ?? '';
  const list = text === '' ? [] : text.split(/\s*,\s*/);
  const seen = new Set<string>();
  for (const alias of list) {
    if (seen.has(alias)) throw new ConfigException(key, text, 'Duplicate alias provided.');
    seen.add(alias);
  }
  return list;
}

/** The settings under `prefix`, without it (`transforms.a.field` → `field`). */
function withPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/** Builds and configures the chain a connector config describes; ConfigException names the setting at fault. */
export function transformationChain(config: Readonly<Record<string, string>>, plugins: Plugins): TransformationChain {
  const predicates = new Map<string, { type: string; settings: PluginConfig }>();
  for (const alias of aliases(config, 'predicates')) {
    const type = config[`predicates.${alias}.type`];
    if (type === undefined) throw new ConfigException(`Missing required configuration "predicates.${alias}.type" which has no default value.`);
    predicates.set(alias, { type, settings: withPrefix(config, `predicates.${alias}.`) });
  }
  const stages: TransformationStage[] = [];
  try {
    for (const alias of aliases(config, 'transforms')) {
      const prefix = `transforms.${alias}.`;
      const type = config[`${prefix}type`];
      if (type === undefined) throw new ConfigException(`Missing required configuration "${prefix}type" which has no default value.`);
      const settings: Record<string, unknown> = withPrefix(config, prefix);
      const transformation = plugins.newTransformation(type, `${prefix}type`);
      transformation.configure(settings);
      const predicateAlias = config[`${prefix}predicate`];
      const negateText = config[`${prefix}negate`];
      let predicate: Predicate | null = null;
      if (predicateAlias !== undefined && predicateAlias !== '') {
        const desc = predicates.get(predicateAlias);
        if (desc === undefined) throw new ConfigException(`${prefix}predicate`, predicateAlias, 'Unknown predicate alias; it must be one of those listed in predicates');
        predicate = plugins.newPredicate(desc.type, `predicates.${predicateAlias}.type`);
        predicate.configure(desc.settings);
      } else if (negateText !== undefined) {
        throw new ConfigException(`${prefix}negate`, negateText, "The 'negate' config is only applicable to transformations with a predicate");
      }
      if (negateText !== undefined && !/^(true|false)$/i.test(negateText.trim())) throw new ConfigException(`${prefix}negate`, negateText, 'Expected value to be either true or false');
      stages.push(new TransformationStage(alias, transformation, predicate, negateText?.trim().toLowerCase() === 'true'));
    }
  } catch (e) {
    for (const stage of stages) stage.close();
    throw e;
  }
  return new TransformationChain(stages);
}
