"""``python -m scheduler``: catch up on the last due period of each job, then run the
schedule until SIGTERM/SIGINT (the running job finishes first).

Environment: ``NUTRIPLAT_DATABASE_URL`` (as every command), ``NUTRIPLAT_JOB_RETRIES``
(default 2) and ``NUTRIPLAT_JOB_RETRY_BACKOFF_SECONDS`` (default 60, doubling)."""
from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType

from apscheduler.events import EVENT_SCHEDULER_STARTED

from nutriplat import models as _all_models  # noqa: F401  (every mapper known before use)
from nutriplat.config import Config
from nutriplat.db import make_engine, make_session_factory
from nutriplat.jobs.runner import RetryPolicy
from scheduler.process import Runtime, build

log = logging.getLogger("scheduler")


def main() -> int:
    logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = Config()
    engine = make_engine(config.DATABASE_URL, echo=config.SQL_ECHO)
    log.info("database %s", engine.url.render_as_string(hide_password=True))
    runtime = Runtime(make_session_factory(engine), RetryPolicy.from_env())
    scheduler, active = build(runtime)

    def shut_down() -> None:
        if scheduler.running:
            scheduler.shutdown(wait=False)  # the executor's thread still finishes its job

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("%s: stopping after the running job", signal.Signals(signum).name)
        runtime.stopping.set()
        # Not inside the handler: it interrupts the main thread, which may hold the
        # scheduler's or the thread pool's locks; a helper thread waits for them instead.
        in_a_thread(shut_down)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # A signal between the check below and the scheduler's start: stop as soon as it runs.
    def stop_if_asked(_event: object) -> None:
        if runtime.stopping.is_set():
            in_a_thread(shut_down)

    scheduler.add_listener(stop_if_asked, EVENT_SCHEDULER_STARTED)
    runtime.catch_up(active)
    if not runtime.stopping.is_set():
        scheduler.start()  # blocks until stop()
    engine.dispose()
    log.info("scheduler stopped")
    return 0


def in_a_thread(function: Callable[[], None]) -> None:
    threading.Thread(target=function, name="shutdown").start()


if __name__ == "__main__":
    sys.exit(main())
