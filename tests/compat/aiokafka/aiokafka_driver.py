"""aiokafka (the asyncio Python client) used as its users do, one scenario per command.

    python aiokafka_driver.py <command> '<json settings>'

Settings: bootstrap, topic, and for the secure command the SASL_SSL listener, CA file and
password. Prints one JSON line with what the client saw; the test asserts on it.
"""
import asyncio
import json
import sys
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.helpers import create_ssl_context


async def read(consumer, want, timeout_s=20, max_records=None):
    """Records from getmany until `want` are in hand or the time is up."""
    got = []
    deadline = time.monotonic() + timeout_s
    while len(got) < want and time.monotonic() < deadline:
        batch = await consumer.getmany(timeout_ms=500, max_records=max_records)
        for records in batch.values():
            got.extend(records)
    return got


async def create_topic(bootstrap, topic, partitions, **security):
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **security)
    await admin.start()
    try:
        response = await admin.create_topics([NewTopic(topic, partitions, 1)])
        codes = [e[1] for e in response.topic_errors]
        assert codes == [0], f'create_topics {topic}: {response}'
    finally:
        await admin.close()


async def codecs(s):
    """Each codec: keyed records with a header, read back intact, offsets 0..n-1."""
    out = {}
    n = 200
    for codec in ['gzip', 'snappy', 'lz4', 'zstd']:
        topic = f"{s['topic']}-{codec}"
        await create_topic(s['bootstrap'], topic, 1)
        producer = AIOKafkaProducer(bootstrap_servers=s['bootstrap'], compression_type=codec, linger_ms=20)
        await producer.start()
        try:
            sent = [await producer.send(topic, key=b'k%d' % i, value=b'v%d' % i, headers=[('n', b'%d' % i)]) for i in range(n)]
            offsets = [m.offset for m in await asyncio.gather(*sent)]
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=s['bootstrap'], auto_offset_reset='earliest')
        await consumer.start()
        try:
            records = await read(consumer, n)
        finally:
            await consumer.stop()
        intact = all(r.key == b'k%d' % r.offset and r.value == b'v%d' % r.offset and list(r.headers) == [('n', b'%d' % r.offset)] for r in records)
        out[codec] = {'acked': offsets == list(range(n)), 'read': [r.offset for r in records] == list(range(n)), 'intact': intact}
    return out


async def group(s):
    """Group consume with commits, a restart resuming from them, then a rebalance over two members."""
    topic, group_id, bootstrap = s['topic'], s['topic'] + '-group', s['bootstrap']
    await create_topic(bootstrap, topic, 4)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        await asyncio.gather(*[await producer.send(topic, value=b'%d' % i, partition=i % 4) for i in range(200)])
    finally:
        await producer.stop()

    def member():
        return AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group_id, auto_offset_reset='earliest', enable_auto_commit=False)

    first = member()
    await first.start()
    seen = []
    try:
        while len(seen) < 100:
            seen.extend(await read(first, 1, max_records=10))
            await first.commit()
    finally:
        await first.stop()
    second = member()
    await second.start()
    try:
        resumed = await read(second, 200 - len(seen))
        await second.commit()
        committed = sum([await second.committed(TopicPartition(topic, p)) or 0 for p in range(4)])
        values = sorted(int(r.value) for r in seen + resumed)
        # A second member joins: the group rebalances and each holds two partitions.
        third = member()
        await third.start()
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not (len(second.assignment()) == 2 and len(third.assignment()) == 2):
                await asyncio.gather(second.getmany(timeout_ms=300), third.getmany(timeout_ms=300))
            split = sorted([sorted(tp.partition for tp in second.assignment()), sorted(tp.partition for tp in third.assignment())])
        finally:
            await third.stop()
    finally:
        await second.stop()

    lookup = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await lookup.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(4)]
        lookup.assign(tps)
        await lookup.seek_to_end(*tps)
        ends = [await lookup.position(tp) for tp in tps]
        await lookup.seek_to_beginning(*tps)
        starts = [await lookup.position(tp) for tp in tps]
        by_time = await lookup.offsets_for_times({tp: 0 for tp in tps})
        in_future = await lookup.offsets_for_times({tp: int(time.time() * 1000) + 600_000 for tp in tps})
    finally:
        await lookup.stop()
    return {
        'first': len(seen), 'resumed': len(resumed), 'values': values == list(range(200)), 'committed': committed,
        'split': split, 'ends': ends, 'starts': starts,
        'byTime': [by_time[tp].offset for tp in tps], 'inFuture': [in_future[tp] for tp in tps],
    }


async def transactions(s):
    """A committed and an aborted transaction; a consume-transform-produce step with send_offsets_to_transaction."""
    topic, out, bootstrap = s['topic'], s['topic'] + '-out', s['bootstrap']
    await create_topic(bootstrap, topic, 2)
    await create_topic(bootstrap, out, 1)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=topic + '-txn')
    await producer.start()
    try:
        async with producer.transaction():
            for i in range(100):
                await producer.send(topic, value=b'committed-%d' % i)
        await producer.begin_transaction()
        for i in range(20):
            await producer.send(topic, value=b'aborted-%d' % i)
        await producer.abort_transaction()

        group_id = topic + '-group'
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group_id, auto_offset_reset='earliest', isolation_level='read_committed', enable_auto_commit=False)
        await consumer.start()
        try:
            records = await read(consumer, 100)
            records += await read(consumer, 1, timeout_s=2)  # nothing aborted may follow
            positions = {}
            for r in records:
                positions[TopicPartition(r.topic, r.partition)] = r.offset + 1
            await producer.begin_transaction()
            for r in records[:10]:
                await producer.send(out, value=r.value.upper())
            await producer.send_offsets_to_transaction(positions, group_id)
            await producer.commit_transaction()
            committed = {tp: await consumer.committed(tp) for tp in positions}
        finally:
            await consumer.stop()
    finally:
        await producer.stop()
    reader = AIOKafkaConsumer(out, bootstrap_servers=bootstrap, auto_offset_reset='earliest', isolation_level='read_committed')
    await reader.start()
    try:
        written = await read(reader, 10)
    finally:
        await reader.stop()
    values = sorted(r.value.decode() for r in records)
    return {
        'read': len(records), 'committedOnly': values == sorted('committed-%d' % i for i in range(100)),
        'offsetsCommitted': committed == positions, 'transformed': sorted(r.value.decode() for r in written) == sorted(r.value.decode().upper() for r in records[:10]),
    }


async def secure(s):
    """SASL_SSL with each SCRAM mechanism: produce, group consume and commit; a wrong password refused."""
    context = create_ssl_context(cafile=s['ca'])
    out = {}

    def security(mechanism, password):
        return dict(security_protocol='SASL_SSL', ssl_context=context, sasl_mechanism=mechanism, sasl_plain_username=s['user'], sasl_plain_password=password)

    for mechanism in ['SCRAM-SHA-256', 'SCRAM-SHA-512']:
        topic = f"{s['topic']}-{mechanism.lower()}"
        login = security(mechanism, s['password'])
        await create_topic(s['bootstrap'], topic, 1, **login)
        producer = AIOKafkaProducer(bootstrap_servers=s['bootstrap'], **login)
        await producer.start()
        try:
            await asyncio.gather(*[await producer.send(topic, value=b'%d' % i) for i in range(50)])
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=s['bootstrap'], group_id=topic + '-group', auto_offset_reset='earliest', **login)
        await consumer.start()
        try:
            records = await read(consumer, 50)
            await consumer.commit()
            committed = await consumer.committed(TopicPartition(topic, 0))
        finally:
            await consumer.stop()
        out[mechanism] = {'read': len(records), 'committed': committed}
    refused = AIOKafkaProducer(bootstrap_servers=s['bootstrap'], request_timeout_ms=5000, **security('SCRAM-SHA-512', 'wrong'))
    try:
        await refused.start()
        out['wrongPassword'] = 'accepted'
    except Exception as e:  # aiokafka reports the refusal as a failure to bootstrap
        out['wrongPassword'] = type(e).__name__
    finally:
        await refused.stop()
    return out


COMMANDS = {'codecs': codecs, 'group': group, 'transactions': transactions, 'secure': secure}

if __name__ == '__main__':
    command, settings = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps(asyncio.run(COMMANDS[command](settings))), flush=True)
