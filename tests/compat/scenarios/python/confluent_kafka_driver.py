"""confluent-kafka-python (librdkafka) driver of the compat scenarios; see ../../README.md.

produce BOOTSTRAP TOPIC COUNT CODEC default|idempotent
consume BOOTSTRAP TOPIC COUNT
group BOOTSTRAP TOPIC GROUP COUNT
admin BOOTSTRAP TOPIC
transactions BOOTSTRAP TOPIC TXN_ID COUNT

Prints JSON lines: one per consumed record, then a summary.
"""
import time

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic, ResourceType
from scenario_driver import emit, emit_record, main, retry, wait_gone


def record(msg):
    emit_record(msg.partition(), msg.offset(), msg.key(), msg.value(), msg.headers() or [])


def produce(bootstrap, topic, count, codec, mode):
    conf = {"bootstrap.servers": bootstrap, "compression.type": codec, "linger.ms": 5}
    if mode == "idempotent":
        conf["enable.idempotence"] = True
    producer = Producer(conf)
    errors = []
    for i in range(count):
        producer.produce(topic, key=f"k{i}", value=f"v{i}", headers=[("n", str(i))], on_delivery=lambda err, msg: err and errors.append(str(err)))
        producer.poll(0)
    remaining = producer.flush(60)
    if remaining or errors:
        raise SystemExit(f"produce failed: remaining={remaining} errors={errors[:5]}")
    emit({"acked": count})


def poll_until(consumer, count):
    seen = 0
    deadline = time.time() + 60
    while seen < count and time.time() < deadline:
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            raise SystemExit(f"consume error: {msg.error()}")
        seen += 1
        record(msg)
    return seen


def consume(bootstrap, topic, count):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused", "enable.auto.commit": False})
    partitions = consumer.list_topics(topic, timeout=30).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    poll_until(consumer, count)
    consumer.close()


def group(bootstrap, topic, group_id, count):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group_id, "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    poll_until(consumer, count)
    consumer.commit(asynchronous=False)
    partitions = consumer.list_topics(topic, timeout=30).topics[topic].partitions
    committed = consumer.committed([TopicPartition(topic, p) for p in partitions], timeout=30)
    consumer.close()
    emit({"committed": sum(tp.offset for tp in committed if tp.offset >= 0)})


def describe(client, topic):
    described = client.list_topics(topic, timeout=30).topics[topic]
    if described.error is not None:
        raise RuntimeError(str(described.error))
    configs = {}
    for f in client.describe_configs([ConfigResource(ResourceType.TOPIC, topic)]).values():
        configs = {k: v.value for k, v in f.result(30).items()}
    return described, configs


def admin(bootstrap, topic):
    client = AdminClient({"bootstrap.servers": bootstrap})
    for f in client.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1, config={"cleanup.policy": "compact", "retention.ms": "3600000"})]).values():
        f.result(30)
    described, configs = retry(lambda: describe(client, topic))
    cluster = client.describe_cluster().result(30)
    for f in client.delete_topics([topic]).values():
        f.result(30)
    remaining = wait_gone(lambda: topic in client.list_topics(timeout=30).topics)
    emit({"partitions": len(described.partitions), "cleanup.policy": configs.get("cleanup.policy"), "retention.ms": configs.get("retention.ms"), "clusterId": cluster.cluster_id, "deleted": True, "remaining": remaining})


def transactions(bootstrap, topic, txn_id, count):
    producer = Producer({"bootstrap.servers": bootstrap, "transactional.id": txn_id, "linger.ms": 5})
    producer.init_transactions(60)
    producer.begin_transaction()
    for i in range(count):
        producer.produce(topic, key=f"k{i}", value=f"v{i}", headers=[("n", str(i))])
        producer.poll(0)
    producer.commit_transaction(60)
    producer.begin_transaction()
    for i in range(max(1, count // 10)):
        producer.produce(topic, key=f"k{i}", value=f"aborted-{i}")
    producer.flush(60)  # written before the abort, so a reader must skip them
    producer.abort_transaction(60)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused", "enable.auto.commit": False, "isolation.level": "read_committed"})
    partitions = consumer.list_topics(topic, timeout=30).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    poll_until(consumer, count)
    deadline = time.time() + 2
    while time.time() < deadline:
        msg = consumer.poll(0.2)
        if msg is not None and not msg.error():
            record(msg)
    consumer.close()


if __name__ == "__main__":
    main(produce, consume, group, admin, transactions)
