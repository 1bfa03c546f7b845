"""kafka-python (2.x and 3.x) driver of the compat scenarios; same commands and output as
confluent_kafka_driver.py (see ../../README.md)."""
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from scenario_driver import emit, emit_record, main, retry, wait_gone


def record(r):
    emit_record(r.partition, r.offset, r.key, r.value, r.headers or [])


def produce(bootstrap, topic, count, codec, mode):
    conf = {"bootstrap_servers": bootstrap, "linger_ms": 5}
    if codec != "none":
        conf["compression_type"] = codec
    if mode == "idempotent":
        conf["enable_idempotence"] = True
        conf["acks"] = "all"
    producer = KafkaProducer(**conf)
    futures = [producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), headers=[("n", str(i).encode())]) for i in range(count)]
    producer.flush(60)
    for f in futures:
        f.get(timeout=60)
    producer.close()
    emit({"acked": count})


def poll_until(consumer, count):
    seen = 0
    deadline = time.time() + 60
    while seen < count and time.time() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            for r in records:
                seen += 1
                record(r)
    return seen


def consume(bootstrap, topic, count):
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
    consumer.assign(partitions)
    consumer.seek_to_beginning(*partitions)
    poll_until(consumer, count)
    consumer.close()


def group(bootstrap, topic, group_id, count):
    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group_id, auto_offset_reset="earliest", enable_auto_commit=False)
    poll_until(consumer, count)
    consumer.commit()
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
    committed = sum(consumer.committed(tp) or 0 for tp in partitions)
    consumer.close()
    emit({"committed": committed})


def describe(client, topic):
    described = client.describe_topics([topic])[0]
    if described["error_code"] != 0:
        raise RuntimeError(f"describe_topics: error {described['error_code']}")
    described_configs = client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    if isinstance(described_configs, dict):  # 3.x: {'topic': {name: {config: {'value': ...}}}}, modified ones
        configs = {k: v["value"] for k, v in described_configs["topic"][topic].items()}
    else:  # 2.x: the DescribeConfigs responses
        configs = {entry[0]: entry[1] for entry in described_configs[0].resources[0][4]}
    return described, configs


def admin(bootstrap, topic):
    client = KafkaAdminClient(bootstrap_servers=bootstrap)
    client.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1, topic_configs={"cleanup.policy": "compact", "retention.ms": "3600000"})])
    described, configs = retry(lambda: describe(client, topic))
    cluster = client.describe_cluster()
    client.delete_topics([topic])
    remaining = wait_gone(lambda: topic in client.list_topics())
    client.close()
    emit({"partitions": len(described["partitions"]), "cleanup.policy": configs.get("cleanup.policy"), "retention.ms": configs.get("retention.ms"), "clusterId": cluster.get("cluster_id"), "deleted": True, "remaining": remaining})


def transactions(bootstrap, topic, txn_id, count):
    producer = KafkaProducer(bootstrap_servers=bootstrap, transactional_id=txn_id, linger_ms=5)
    producer.init_transactions()
    producer.begin_transaction()
    for i in range(count):
        producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), headers=[("n", str(i).encode())])
    producer.commit_transaction()
    producer.begin_transaction()
    for i in range(max(1, count // 10)):
        producer.send(topic, key=f"k{i}".encode(), value=f"aborted-{i}".encode())
    producer.flush(60)  # written before the abort, so a reader must skip them
    producer.abort_transaction()
    producer.close()
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, isolation_level="read_committed")
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
    consumer.assign(partitions)
    consumer.seek_to_beginning(*partitions)
    poll_until(consumer, count)
    deadline = time.time() + 2
    while time.time() < deadline:
        for records in consumer.poll(timeout_ms=200).values():
            for r in records:
                record(r)
    consumer.close()


if __name__ == "__main__":
    main(produce, consume, group, admin, transactions)
