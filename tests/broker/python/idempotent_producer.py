"""confluent-kafka-python: an idempotent producer with acks=all sends COUNT records to TOPIC
(keys k<i % 100>, values v<i>, a header), waits for every delivery report, and prints one JSON
line: how many were delivered, how many failed, and the first error."""
import json
import sys

from confluent_kafka import Producer

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
delivered = 0
failed = []


def report(err, msg):
    global delivered
    if err is not None:
        failed.append(str(err))
    else:
        delivered += 1


p = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all", "linger.ms": 5})
for i in range(count):
    while True:
        try:
            p.produce(topic, key=f"k{i % 100}", value=f"v{i}", headers=[("n", str(i).encode())], on_delivery=report)
            break
        except BufferError:
            p.poll(0.1)
    p.poll(0)
p.flush(60)
print(json.dumps({"delivered": delivered, "failed": len(failed), "firstError": failed[0] if failed else None}))
