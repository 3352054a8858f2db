"""The SQL queries each benchmarked page runs for an anonymous visitor, uncached (the second view: the first
makes image renditions). Run by run.py inside `manage.py shell` on the benchmark's database; prints one line
`QUERIES {"path": count, ...}`."""

import json
import os

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def report() -> None:
    paths = json.loads(os.environ["BENCH_QUERY_PATHS"])
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        counts[path] = len(captured) if status == 200 else None
    print("QUERIES " + json.dumps(counts))
