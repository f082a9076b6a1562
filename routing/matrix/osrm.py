"""Road distances and times from an OSRM server's table service.

``GET {base}/table/v1/{profile}/{lon,lat;...}?annotations=distance,duration``.
Large tables are fetched in blocks of ``block_size`` sources x destinations so a
server's ``--max-table-size`` is respected. Pairs OSRM cannot route (null) get
``unreachable`` so the solver treats them as impossible rather than free.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence

import numpy as np

from routing.matrix.base import Matrix, MatrixError, Point

UNREACHABLE = 10**9


class OsrmProvider:
    coordinates = "latlon"

    def __init__(self, base_url: str, profile: str = "driving", timeout_s: float = 30.0, block_size: int = 100):
        self.base_url = base_url.rstrip("/")
        self.profile = profile
        self.timeout_s = timeout_s
        self.block_size = block_size

    def matrix(self, points: Sequence[Point]) -> Matrix:
        n = len(points)
        distance = np.full((n, n), UNREACHABLE, dtype=np.int64)
        duration = np.full((n, n), UNREACHABLE, dtype=np.int64)
        blocks = [list(range(i, min(i + self.block_size, n))) for i in range(0, n, self.block_size)]
        for sources in blocks:
            for destinations in blocks:
                d, t = self._table(points, sources, destinations)
                distance[np.ix_(sources, destinations)] = d
                duration[np.ix_(sources, destinations)] = t
        np.fill_diagonal(distance, 0)
        np.fill_diagonal(duration, 0)
        return Matrix(distance, duration)

    def _table(self, points: Sequence[Point], sources: list[int],
               destinations: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """One table request over the union of the two index blocks."""
        nodes = sorted(set(sources) | set(destinations))
        position = {node: k for k, node in enumerate(nodes)}
        coords = ";".join(f"{points[i][1]:.6f},{points[i][0]:.6f}" for i in nodes)  # OSRM wants lon,lat
        query = "annotations=distance,duration"
        if len(nodes) > len(sources):
            query += "&sources=" + ";".join(str(position[i]) for i in sources)
        if len(nodes) > len(destinations):
            query += "&destinations=" + ";".join(str(position[i]) for i in destinations)
        answer = self._get(f"{self.base_url}/table/v1/{self.profile}/{coords}?{query}")
        if answer.get("code") != "Ok":
            raise MatrixError(f"OSRM table failed: {answer.get('code')} {answer.get('message', '')}".strip())
        try:
            return _as_ints(answer["distances"]), _as_ints(answer["durations"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MatrixError(f"OSRM table answer is malformed: {exc}") from exc

    def _get(self, url: str) -> dict:
        try:
            with urllib.request.urlopen(url, timeout=self.timeout_s) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            try:  # OSRM explains 400s in a JSON body
                body = json.loads(exc.read().decode("utf-8"))
            except (ValueError, OSError):
                body = {"code": f"HTTP {exc.code}"}
            return body if isinstance(body, dict) else {"code": f"HTTP {exc.code}"}
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise MatrixError(f"OSRM server unreachable or answered garbage: {exc}") from exc


def _as_ints(rows: list[list[float | None]]) -> np.ndarray:
    array = np.array([[UNREACHABLE if v is None else v for v in row] for row in rows], dtype=float)
    return np.rint(array).astype(np.int64)
