/**
 * Writes docs/configuration.md from the settings' definitions (@sluice/config tables of the
 * broker, topics, client and streams), and the option tables of the client's and streams'
 * READMEs (between `<!-- options:NAME -->` markers), so neither can drift from the code:
 * `npm run docs:config`. tests/docs/configuration.test.ts fails when a committed file differs
 * from what this makes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROKER_CONFIGS } from '@sluice/broker';
import { adminOptions, commonOptions, consumerOptions, producerOptions } from '@sluice/client';
import { type OptionTable, definitionRows, markdownTable, optionRows } from '@sluice/config';
import { topicConfigDefinitions } from '@sluice/storage';
import { streamsConfigDefinitions } from '@sluice/streams';
import { WORKER_CONFIGS } from '@sluice/connect';

export const CONFIGURATION_DOC = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));

/** A client's own options, without the common ones it shares. */
function own(table: OptionTable): OptionTable {
  return Object.fromEntries(Object.entries(table).filter(([name]) => !(name in commonOptions)));
}

const clientTables = {
  common: markdownTable(optionRows(commonOptions)),
  producer: markdownTable(optionRows(own(producerOptions))),
  consumer: markdownTable(optionRows(own(consumerOptions))),
  admin: markdownTable(optionRows(own(adminOptions))),
};
const streamsTable = markdownTable(optionRows(streamsConfigDefinitions));

const sections: readonly { title: string; intro: string; table: string }[] = [
  {
    title: 'Broker',
    intro:
      'Set in `server.properties` (`--config`), with `--set key=value`, or where marked dynamic while running with IncrementalAlterConfigs or AlterConfigs on the broker (`sluice`, `kafka-configs --entity-type brokers` or any Kafka admin): on the resource `""` (`--entity-default`) for the cluster-wide default, on the resource of the broker\'s `node.id` (`--entity-name`) for that broker alone, which wins over the default. As in Kafka, a dynamic value is kept in the data folder (its `dynamic-broker-configs` file), survives a restart and wins over the file and `--set`; deleting it falls back to the layer below (the cluster-wide default, then the static value, then the default), and a stored value that is no longer valid (after an upgrade) is logged and skipped at start, and can be deleted like any other (a deletion is never refused for its name, as in Kafka). The cluster-wide `min.insync.replicas` is written there at a data folder\'s first start, from the value of the file or `--set` (as Kafka\'s controller writes it when it turns eligible leader replicas on), and kept from then on: a later edit of the file does not change it (change it with `kafka-configs --entity-type brokers --entity-default --alter`); it cannot be removed, nor set for one broker. Kafka\'s `log.retention.hours`, `log.retention.minutes`, `log.roll.hours` and `log.roll.jitter.hours` are read too and converted to the millisecond settings. The `log.*` settings and the others that name a topic config give that config\'s default.',
    table: markdownTable(definitionRows(BROKER_CONFIGS)),
  },
  {
    title: 'Topic',
    intro: 'Set per topic at creation (`--config`) or later with AlterConfigs; a topic without its own value takes the broker setting named in its description, else the default here.',
    table: markdownTable(definitionRows(topicConfigDefinitions.map((d) => (d.brokerName === null ? d : { ...d, doc: `${d.doc} Broker default: ${d.brokerName}.` })))),
  },
  {
    title: 'Client: common to producer, consumer and admin',
    intro: 'Options are given to `new Producer(…)`, `new Consumer(…)` and `new Admin(…)` under their TypeScript names; Kafka\'s name of each setting is beside it. Unknown names are refused.',
    table: clientTables.common,
  },
  { title: 'Producer', intro: 'The common client options, and:', table: clientTables.producer },
  { title: 'Consumer', intro: 'The common client options, and:', table: clientTables.consumer },
  { title: 'Admin', intro: 'The common client options, and:', table: clientTables.admin },
  {
    title: 'Streams',
    intro: 'Given to `new KafkaStreams(topology, {…})`. The clients the runtime uses take their options from `consumer`, `producer` and `admin`.',
    table: streamsTable,
  },
  {
    title: 'Connect worker',
    intro: 'Set in the worker\'s properties file (`sluice connect standalone worker.properties ...`). Settings starting `producer.`, `consumer.` and `admin.` go to the clients the worker makes (Kafka\'s names), and `key.converter.*`, `value.converter.*`, `header.converter.*` to the converters. Connectors\' own settings are per plugin, as in Kafka, and answered by `/connector-plugins/{plugin}/config/validate`.',
    table: markdownTable(definitionRows(WORKER_CONFIGS)),
  },
];

export function configurationMarkdown(): string {
  const parts = [
    '# Configuration',
    '',
    '<!-- Generated by scripts/generate-config-docs.ts from the settings\' definitions: run `npm run docs:config`; do not edit by hand. -->',
    '',
    'Every setting of Sluice, generated from the one definition each has in the code (@sluice/config: name, type, default, valid values, importance, description). Names and defaults are Kafka\'s wherever Kafka has the setting. Importance is Kafka\'s: how much a user should care about a setting.',
    '',
  ];
  for (const s of sections) parts.push(`## ${s.title}`, '', s.intro, '', s.table, '');
  return parts.join('\n');
}

/** The READMEs that carry option tables, and the tables by marker name. */
export const README_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [fileURLToPath(new URL('../packages/client/README.md', import.meta.url))]: clientTables,
  [fileURLToPath(new URL('../packages/streams/README.md', import.meta.url))]: { streams: streamsTable },
};

/** A README with each `<!-- options:NAME -->` block replaced by its table; a missing block is an error. */
export function withTables(readme: string, tables: Readonly<Record<string, string>>): string {
  let out = readme;
  for (const [name, table] of Object.entries(tables)) {
    const block = new RegExp(`(<!-- options:${name} -->\\n)[\\s\\S]*?(\\n<!-- /options:${name} -->)`);
    if (!block.test(out)) throw new Error(`no <!-- options:${name} --> block to fill`);
    out = out.replace(block, (_, open: string, close: string) => `${open}${table}${close}`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CONFIGURATION_DOC, configurationMarkdown());
  console.log(`wrote ${CONFIGURATION_DOC}`);
  for (const [path, tables] of Object.entries(README_TABLES)) {
    writeFileSync(path, withTables(readFileSync(path, 'utf8'), tables));
    console.log(`updated ${path}`);
  }
}
