"""Stands in for kafka-python's test/service.py, which its sdist leaves out.

Written by Sluice's runner (tests/compat/kafka-python) into the unpacked sdist. Only the
external-broker path (KAFKA_URI) is used: the fixtures then need an object with host and port.
"""


class ExternalService(object):
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def open(self):
        pass

    def close(self):
        pass


class SpawnedService(object):
    def __init__(self, *args, **kwargs):
        raise RuntimeError("Sluice's runner only supports an external broker (KAFKA_URI)")
