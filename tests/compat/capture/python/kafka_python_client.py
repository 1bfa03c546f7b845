"""Capture scenarios for kafka-python (pinned by capture-all.ts).

produce BOOTSTRAP TOPIC CODEC RECORDS.tsv
consume-group BOOTSTRAP TOPIC COUNT GROUP
admin BOOTSTRAP TOPIC

RECORDS.tsv: one record a line, tab-separated: key, value, then header name=value pairs; \\N is null.
"""
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic


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


def produce(bootstrap, topic, codec, records):
    producer = KafkaProducer(
        bootstrap_servers=bootstrap,
        client_id="kafka-python-capture",
        compression_type=None if codec == "none" else codec,
        linger_ms=100,
    )
    futures = [producer.send(topic, key=k, value=v, headers=h, partition=0) for k, v, h in read_records(records)]
    producer.flush()
    for f in futures:
        f.get(timeout=30)
    producer.close()


def consume_group(bootstrap, topic, count, group):
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        client_id="kafka-python-capture",
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        heartbeat_interval_ms=500,
    )
    seen = 0
    deadline = time.time() + 30
    while seen < count and time.time() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            seen += len(records)
    if seen < count:
        raise SystemExit(f"consumed {seen} of {count}")
    consumer.commit()
    # stay a little so that heartbeats go out too
    end = time.time() + 1.5
    while time.time() < end:
        consumer.poll(timeout_ms=200)
    consumer.close()


def admin(bootstrap, topic):
    client = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="kafka-python-capture")
    client.create_topics(
        [NewTopic(topic, num_partitions=3, replication_factor=1, topic_configs={"cleanup.policy": "compact"})]
    )
    time.sleep(0.5)
    client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic), ConfigResource(ConfigResourceType.BROKER, "1")])
    # kafka-python 3 renamed list_consumer_groups to list_groups
    (getattr(client, "list_consumer_groups", None) or client.list_groups)()
    client.delete_topics([topic])
    client.close()


def main(argv):
    cmd = argv[0]
    if cmd == "produce":
        produce(argv[1], argv[2], argv[3], argv[4])
    elif cmd == "consume-group":
        consume_group(argv[1], argv[2], int(argv[3]), argv[4])
    elif cmd == "admin":
        admin(argv[1], argv[2])
    else:
        raise SystemExit(f"unknown scenario {cmd}")


if __name__ == "__main__":
    main(sys.argv[1:])
