"""confluent-kafka-python: a group member subscribes to TOPIC, reads until IDLE seconds pass
without records, commits synchronously, closes, and prints one JSON line with what it read."""
import json
import sys
import time

from confluent_kafka import Consumer

bootstrap, topic, group, idle = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
c = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest", "enable.auto.commit": False, "session.timeout.ms": 10000})
c.subscribe([topic])
values = []
last = time.time()
while time.time() - last < idle:
    m = c.poll(0.2)
    if m is None or m.error():
        continue
    values.append(m.value().decode())
    last = time.time()
    c.commit(asynchronous=False)
c.close()
print(json.dumps({"values": values}))
