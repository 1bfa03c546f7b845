"""Capture scenarios for confluent-kafka-python (bundled librdkafka; pinned by capture-all.ts).

produce BOOTSTRAP TOPIC CODEC RECORDS.tsv [idempotent]
consume-group BOOTSTRAP TOPIC COUNT GROUP [classic|consumer]
admin BOOTSTRAP TOPIC

RECORDS.tsv: one record a line, tab-separated: key, value, then header name=value pairs; \\N is null.
"""
import sys
import time

from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic, ResourceType


def read_records(path):
    def b(s):
        return None if s == "\\N" else s.encode("utf-8")

    out = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if not line:
                continue
            fields = line.split("\t")
            headers = [(h.split("=", 1)[0], b(h.split("=", 1)[1])) for h in fields[2:]]
            out.append((b(fields[0]), b(fields[1]), headers))
    return out


def produce(bootstrap, topic, codec, records, mode):
    conf = {
        "bootstrap.servers": bootstrap,
        "client.id": "confluent-kafka-capture",
        "compression.type": codec,
        "linger.ms": 100,
    }
    if mode == "idempotent":
        conf["enable.idempotence"] = True
    producer = Producer(conf)
    errors = []
    for k, v, h in read_records(records):
        producer.produce(topic, value=v, key=k, headers=h, partition=0, on_delivery=lambda err, msg: err and errors.append(err))
    remaining = producer.flush(30)
    if remaining or errors:
        raise SystemExit(f"produce failed: remaining={remaining} errors={errors}")


def consume_group(bootstrap, topic, count, group, protocol):
    conf = {
        "bootstrap.servers": bootstrap,
        "client.id": "confluent-kafka-capture",
        "group.id": group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "group.protocol": protocol,
    }
    consumer = Consumer(conf)
    consumer.subscribe([topic])
    seen = 0
    deadline = time.time() + 30
    while seen < count and time.time() < deadline:
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            raise SystemExit(f"consume error: {msg.error()}")
        seen += 1
    if seen < count:
        raise SystemExit(f"consumed {seen} of {count}")
    consumer.commit(asynchronous=False)
    consumer.close()


def admin(bootstrap, topic):
    client = AdminClient({"bootstrap.servers": bootstrap, "client.id": "confluent-kafka-capture"})
    for f in client.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1, config={"cleanup.policy": "compact"})]).values():
        f.result(30)
    for f in client.describe_configs([ConfigResource(ResourceType.TOPIC, topic), ConfigResource(ResourceType.BROKER, "1")]).values():
        f.result(30)
    client.list_consumer_groups().result(30)
    client.list_topics(timeout=30)
    for f in client.delete_topics([topic]).values():
        f.result(30)


def main(argv):
    cmd = argv[0]
    if cmd == "produce":
        produce(argv[1], argv[2], argv[3], argv[4], argv[5] if len(argv) > 5 else "")
    elif cmd == "consume-group":
        consume_group(argv[1], argv[2], int(argv[3]), argv[4], argv[5] if len(argv) > 5 else "classic")
    elif cmd == "admin":
        admin(argv[1], argv[2])
    else:
        raise SystemExit(f"unknown scenario {cmd}")


if __name__ == "__main__":
    main(sys.argv[1:])
