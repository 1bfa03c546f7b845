/**
 * Writes a transaction's markers where they belong: a control batch appended to a data
 * partition by its log (storage's appendMarker, which checks the producer's epoch and the
 * coordinator epoch and closes the producer's open transaction there), and for a partition of
 * __consumer_offsets the group coordinator's completeTransaction, which writes the marker and
 * makes the transaction's pending offsets committed or drops them in one step (as Kafka 4's group
 * coordinator does). Used by the coordinator for every ending transaction and by WriteTxnMarkers
 * (kafka-transactions abort sends one to the partition's leader).
 */
import { OFFSETS_TOPIC } from '../groups/offsets-topic.ts';
import type { Topics } from '../topics/types.ts';
import type { TopicPartition } from './metadata.ts';
import type { MarkerWriter, OffsetsTransactionCompleter, TxnMarker } from './types.ts';

export class TransactionMarkers implements MarkerWriter {
  private readonly topics: Topics;
  private readonly groups: OffsetsTransactionCompleter;

  constructor(topics: Topics, groups: OffsetsTransactionCompleter) {
    this.topics = topics;
    this.groups = groups;
  }

  async writeMarker(tp: TopicPartition, marker: TxnMarker): Promise<'written' | 'gone'> {
    const partition = this.topics.partition(tp.topic, tp.partition);
    // A transactional offset commit creates __consumer_offsets; without it nothing was written there.
    if (partition === undefined) return 'gone';
    if (tp.topic === OFFSETS_TOPIC) {
      await this.groups.completeTransaction(tp.partition, marker.producerId, marker.producerEpoch, marker.coordinatorEpoch, marker.commit, marker.transactionVersion);
    } else {
      await partition.appendMarker(marker);
    }
    return 'written';
  }
}
