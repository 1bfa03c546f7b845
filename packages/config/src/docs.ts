/**
 * Documentation rows and Markdown tables from the definitions, so docs/configuration.md is
 * generated from the same tables the code validates with (scripts/generate-config-docs.ts).
 */
import type { ConfigDefinition, Importance } from './definition.ts';
import type { OptionTable } from './options.ts';
import type { Validator } from './validators.ts';

export interface ConfigRow {
  /** Kafka's dotted name; '' where Kafka has no such setting. */
  readonly name: string;
  /** The TypeScript option name, for settings given as JavaScript values. */
  readonly option?: string;
  readonly type: string;
  readonly default: string;
  readonly valid: string;
  readonly importance: Importance;
  readonly doc: string;
  /** For text settings: whether it can change while running. */
  readonly dynamic?: boolean;
}

const IMPORTANCE_ORDER: Record<Importance, number> = { high: 0, medium: 1, low: 2 };

/** Rows of text-valued settings (broker, topic), most important first, then by name (Kafka's order). */
export function definitionRows(definitions: readonly ConfigDefinition[]): ConfigRow[] {
  // Only a table where some settings change while running says which.
  const anyDynamic = definitions.some((d) => d.dynamic !== undefined);
  return definitions
    .map((d) => ({
      name: d.name,
      type: d.type,
      default: d.default === null ? 'null' : d.default,
      valid: (d.validate as Validator | undefined)?.valid ?? '',
      importance: d.importance,
      dynamic: anyDynamic ? d.dynamic === true : undefined,
      doc: d.synonyms?.length ? `${d.doc} Also read as ${d.synonyms.join(', ')}.` : d.doc,
    }))
    .sort((a, b) => IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] || a.name.localeCompare(b.name));
}

/** Rows of an option table (client, streams), in the table's order. */
export function optionRows(table: OptionTable): ConfigRow[] {
  return Object.entries(table).map(([option, s]) => ({
    name: s.kafka,
    option,
    type: s.type,
    default: s.defaultText ?? (s.required ? '(required)' : s.default === undefined ? '' : typeof s.default === 'object' ? s.type : JSON.stringify(s.default)),
    valid: s.valid,
    importance: s.importance,
    doc: s.doc,
  }));
}

const cell = (s: string) => s.replace(/(?<!\\)\|/g, '\\|');
const code = (s: string) => (s === '' ? '' : `\`${s}\``);

/**
 * A Markdown table of rows; with an `option` column when the rows have TypeScript names, and a
 * `dynamic` column when they are text settings.
 */
export function markdownTable(rows: readonly ConfigRow[]): string {
  const withOption = rows.some((r) => r.option !== undefined);
  const withDynamic = rows.some((r) => r.dynamic !== undefined);
  const head = [...(withOption ? ['option', 'Kafka setting'] : ['name']), 'type', 'default', 'valid values', 'importance', ...(withDynamic ? ['dynamic'] : []), 'description'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [...(withOption ? [code(r.option ?? '')] : []), code(r.name), r.type, code(r.default), cell(r.valid), r.importance, ...(withDynamic ? [r.dynamic ? 'yes' : ''] : []), cell(r.doc)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
