/**
 * The recommendations example: clicks and a product catalogue in, "viewed with" recommendations
 * per product out. The catalogue is a foreign-key join of products with their categories; clicks
 * become co-viewed pairs, counted per pair, and each product keeps its top few.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 [RECOMMENDATIONS_STATE_DIR=./recommendations-state] npm run example:recommendations
 *
 * Then `npx sluice consume recommendations --from-beginning`. See README.md.
 */
import { Admin } from '@sluice/client';
import { Grouped, KafkaStreams, KeyValue, Materialized, Serdes, StreamsBuilder } from '@sluice/streams';
import { type CatalogueEntry, type Category, type Click, type CoView, type Product, type Recommendation, RECENT_VIEWS, TOP_N } from './model.ts';

/** A user's latest distinct products (newest first), and the pairs their latest click made. */
interface ViewHistory {
  recent: string[];
  pairs: [string, string][];
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const stateDir = process.env.RECOMMENDATIONS_STATE_DIR ?? './recommendations-state';

// The topics must exist before the application starts (as with Kafka Streams); create them if
// not. Three partitions each: the joins need their inputs co-partitioned.
const admin = new Admin({ bootstrapServers });
await admin.createTopics(
  ['categories', 'products', 'clicks', 'product-catalogue', 'recommendations'].map((name) => ({ name, numPartitions: 3 })),
  { ifNotExists: true },
);
await admin.close();

const S = Serdes.String();
const builder = new StreamsBuilder();

// 1. The catalogue: each product with its category's name. Products name their category (the
//    foreign key), and the tables are keyed differently, so this is the foreign-key join: a
//    product that moves to another category, or a category renamed, updates the entry.
const categories = builder.table('categories', { keySerde: S, valueSerde: Serdes.JSON<Category>() });
const products = builder.table('products', { keySerde: S, valueSerde: Serdes.JSON<Product>() });
const catalogue = products.join(
  categories,
  (product) => product.categoryId,
  (product: Product, category: Category): CatalogueEntry => ({ productId: product.productId, name: product.name, categoryId: product.categoryId, category: category.name }),
  Materialized.as<string, CatalogueEntry>('catalogue').withKeySerde(S).withValueSerde(Serdes.JSON<CatalogueEntry>()),
);
catalogue.toStream().to('product-catalogue', { keySerde: S, valueSerde: Serdes.JSON<CatalogueEntry>() });

// 2. Co-viewed pairs: per user (the clicks' key), the latest distinct products; a click on P pairs
//    P with each of them, both ways. No record cache here: every click's pairs must go on, not
//    just the last update of a user between two commits.
const clicks = builder.stream('clicks', { keySerde: S, valueSerde: Serdes.JSON<Click>() });
const coViewedPairs = clicks
  .groupByKey()
  .aggregate(
    (): ViewHistory => ({ recent: [], pairs: [] }),
    (_user, click, history) => {
      const others = history.recent.filter((p) => p !== click.productId);
      return { recent: [click.productId, ...others].slice(0, RECENT_VIEWS), pairs: others.flatMap((q): [string, string][] => [[click.productId, q], [q, click.productId]]) };
    },
    Materialized.as<string, ViewHistory>('view-history').withValueSerde(Serdes.JSON<ViewHistory>()).withCachingDisabled(),
  )
  .toStream()
  .flatMap((_user, history) => (history?.pairs ?? []).map(([p, q]) => KeyValue.pair(`${p}|${q}`, q)));

// 3. Co-viewed counts per pair (re-keyed by pair: a repartition topic), then regrouped by the
//    first product: each product's counts of the others, cut to the top N. When a pair's count
//    changes, the table's groupBy sends the old count to the subtractor and the new to the adder.
const counts = coViewedPairs.groupByKey(Grouped.with(S, S)).count(Materialized.as<string, bigint>('co-viewed-counts'));
const topViewedWith = counts
  .groupBy((pair, count) => {
    const [product, other] = pair.split('|') as [string, string];
    return KeyValue.pair(product, { productId: other, count: Number(count) });
  }, Grouped.with(S, Serdes.JSON<CoView>()))
  .aggregate(
    (): Record<string, number> => ({}),
    (_product, view, all) => ({ ...all, [view.productId]: view.count }),
    (_product, view, all) => {
      if (all[view.productId] !== view.count) return all;
      const { [view.productId]: _gone, ...rest } = all;
      return rest;
    },
    Materialized.as<string, Record<string, number>>('viewed-with').withValueSerde(Serdes.JSON<Record<string, number>>()),
  )
  .mapValues((all): CoView[] =>
    Object.entries(all)
      .map(([productId, count]) => ({ productId, count }))
      // Most viewed first; ties by product id, so the list does not depend on arrival order.
      .sort((a, b) => b.count - a.count || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
      .slice(0, TOP_N),
  );

// 4. The recommendation: the product's catalogue entry with its top N (a table-table join on the
//    product id), written to `recommendations` on every change of either side.
topViewedWith
  .join(catalogue, (alsoViewed, entry): Recommendation => ({ ...entry, alsoViewed }))
  .toStream()
  .to('recommendations', { keySerde: S, valueSerde: Serdes.JSON<Recommendation>() });

const streams = new KafkaStreams(builder.build(), {
  applicationId: 'recommendations',
  bootstrapServers,
  processingGuarantee: 'exactly_once_v2',
  stateDir,
});
streams.setStateListener((state) => console.log(`recommendations: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0)));
}
console.log(`recommendations: reading categories, products and clicks on ${bootstrapServers}, writing product-catalogue and recommendations (Ctrl-C stops)`);
console.log(builder.build().describe().toString());
await streams.start();
