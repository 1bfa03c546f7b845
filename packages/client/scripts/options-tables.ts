/**
 * Prints the README's option tables from the option definitions (src/options.ts), so the docs
 * cannot drift from the code: `node --conditions=sluice:source --import tsx packages/client/scripts/options-tables.ts`.
 * test/readme.test.ts fails when the README's tables differ from this output.
 */
import { adminOptions, commonOptions, consumerOptions, optionRows, producerOptions, type OptionRow } from '../src/index.js';

function table(rows: OptionRow[]): string {
  const escape = (s: string) => s.replace(/(?<!\\)\|/g, '\\|');
  const lines = ['| option | type | default | Kafka setting | what it does |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.name}\` | ${r.type} | ${r.default ? `\`${r.default}\`` : ''} | ${r.kafka ? `\`${r.kafka}\`` : ''} | ${escape(r.doc)} |`);
  return lines.join('\n');
}

function own(table: Record<string, unknown>): Record<string, never> {
  return Object.fromEntries(Object.entries(table).filter(([name]) => !(name in commonOptions))) as Record<string, never>;
}

export function optionTables(): Record<'common' | 'producer' | 'consumer' | 'admin', string> {
  return {
    common: table(optionRows(commonOptions)),
    producer: table(optionRows(own(producerOptions))),
    consumer: table(optionRows(own(consumerOptions))),
    admin: table(optionRows(own(adminOptions))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, text] of Object.entries(optionTables())) console.log(`<!-- options:${name} -->\n${text}\n<!-- /options:${name} -->\n`);
}
