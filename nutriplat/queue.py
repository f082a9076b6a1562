"""The work queue: RQ on Redis when ``NUTRIPLAT_QUEUE_URL`` is set (production), so route
solves run in worker processes (``nutriplat worker``) and never in a web process. Without
it (the embedded default, the demo, the tests) a solve runs in a thread of the process that
asked for it. Read at each call, like ``config.deterministic_solves``: web processes, the
scheduler and the workers read the same environment.

An area enqueues a function by its dotted name (``"package.module.function"``), so nothing
here imports an area; a worker process gives the functions it runs their session factory
(``worker_session_factory``)."""
from __future__ import annotations

import os
from typing import Any

from redis import Redis
from rq import Callback, Queue, Retry
from rq.job import Job
from sqlalchemy.orm import Session, sessionmaker

QUEUE_URL = "NUTRIPLAT_QUEUE_URL"
# Queue names start with it: two installations (or two test runs) on one Redis database
# never take each other's work.
QUEUE_PREFIX = "NUTRIPLAT_QUEUE_PREFIX"
SOLVES = "solves"  # route solves: long, CPU-bound, one per depot and day
PARTS = "parts"  # parts of the nightly jobs: a slice of the clients, a provider
QUEUES = (SOLVES, PARTS)

_worker_factory: sessionmaker[Session] | None = None


def queue_url() -> str | None:
    return os.environ.get(QUEUE_URL) or None


def queue_name(kind: str) -> str:
    return f"{os.environ.get(QUEUE_PREFIX) or 'nutriplat'}:{kind}"


def connect(url: str) -> Redis:
    return Redis.from_url(url)


def queue(kind: str, url: str) -> Queue:
    return Queue(queue_name(kind), connection=connect(url))


def enqueue(url: str, kind: str, target: str, *args: Any, timeout_s: float, retries: int,
            on_failure: str | None = None, description: str | None = None) -> Job:
    """Put ``target(*args)`` on the ``kind`` queue. A run killed with its worker (or its
    work horse) is run again up to ``retries`` times; ``on_failure`` (a dotted name) is
    called when the run fails or is abandoned."""
    return queue(kind, url).enqueue(
        target, *args, job_timeout=int(timeout_s) + 1, retry=Retry(max=retries) if retries else None,
        on_failure=Callback(on_failure) if on_failure else None, description=description,
        result_ttl=24 * 3600, failure_ttl=7 * 24 * 3600)


def use_session_factory(factory: sessionmaker[Session]) -> None:
    """Called once by a worker process before it takes work."""
    global _worker_factory
    _worker_factory = factory


def worker_session_factory() -> sessionmaker[Session]:
    if _worker_factory is None:
        raise RuntimeError("Not in a worker process: start one with `nutriplat worker`.")
    return _worker_factory
