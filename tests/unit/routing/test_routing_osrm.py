"""The OSRM table provider against a tiny local fake server (never the internet)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from routing.matrix import MatrixError, OsrmProvider
from routing.matrix.osrm import UNREACHABLE

POINTS = [(50.9469, 3.1227), (50.8280, 3.2649), (50.9142, 3.2136)]  # lat, lon


class FakeOsrm(BaseHTTPRequestHandler):
    """Answers a table request for n coordinates: distance 1000*|i-j| m, duration 100*|i-j| s."""

    requests: ClassVar[list[str]] = []
    answer: dict | None = None  # set to force a canned answer

    def do_GET(self):
        type(self).requests.append(self.path)
        url = urlsplit(self.path)
        coords = url.path.rsplit("/", 1)[1].split(";")
        query = parse_qs(url.query)
        sources = [int(i) for i in query["sources"][0].split(";")] if "sources" in query else range(len(coords))
        targets = ([int(i) for i in query["destinations"][0].split(";")] if "destinations" in query
                   else range(len(coords)))
        coord_lat = [float(c.split(",")[1]) for c in coords]
        index = [min(range(len(POINTS)), key=lambda k: abs(POINTS[k][0] - lat)) for lat in coord_lat]
        body = self.answer or {
            "code": "Ok",
            "distances": [[1000.0 * abs(index[i] - index[j]) for j in targets] for i in sources],
            "durations": [[100.0 * abs(index[i] - index[j]) for j in targets] for i in sources],
        }
        payload = json.dumps(body).encode()
        self.send_response(200 if body.get("code") == "Ok" else 400)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        """Silent: the test output stays clean."""


@pytest.fixture
def server():
    FakeOsrm.requests, FakeOsrm.answer = [], None
    httpd = HTTPServer(("127.0.0.1", 0), FakeOsrm)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_table_request_sends_lon_lat_and_asks_for_distance_and_duration(server):
    matrix = OsrmProvider(server).matrix(POINTS)
    (path,) = FakeOsrm.requests
    assert path.startswith("/table/v1/driving/3.122700,50.946900;3.264900,50.828000;")
    assert "annotations=distance,duration" in path
    assert matrix.distance.tolist() == [[0, 1000, 2000], [1000, 0, 1000], [2000, 1000, 0]]
    assert matrix.duration[0, 2] == 200


def test_large_tables_are_fetched_in_blocks_and_assembled(server):
    matrix = OsrmProvider(server, block_size=2).matrix(POINTS)
    assert len(FakeOsrm.requests) == 4  # 2 source blocks x 2 destination blocks
    assert matrix.distance.tolist() == [[0, 1000, 2000], [1000, 0, 1000], [2000, 1000, 0]]


def test_unroutable_pairs_become_unreachable_not_free(server):
    FakeOsrm.answer = {"code": "Ok", "distances": [[0, None], [5.4, 0]], "durations": [[0, None], [1.6, 0]]}
    matrix = OsrmProvider(server).matrix(POINTS[:2])
    assert matrix.distance[0, 1] == UNREACHABLE and matrix.distance[1, 0] == 5
    assert matrix.duration[1, 0] == 2


def test_an_error_answer_is_a_matrix_error(server):
    FakeOsrm.answer = {"code": "InvalidQuery", "message": "Query string malformed"}
    with pytest.raises(MatrixError, match="InvalidQuery"):
        OsrmProvider(server).matrix(POINTS)


def test_a_server_that_is_not_there_is_a_matrix_error():
    with pytest.raises(MatrixError, match="unreachable"):
        OsrmProvider("http://127.0.0.1:9", timeout_s=2).matrix(POINTS)
