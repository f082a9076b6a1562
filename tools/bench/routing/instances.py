"""Benchmark instances (Solomon .txt, VRPLIB .vrp) as Problems in the DIMACS convention.

DIMACS/CVRPLIB convention: Euclidean distance truncated to one decimal, travel
time = distance, service time added at each customer, waiting allowed, objective
total distance, vehicles free up to the number given. Everything is scaled by 10 so
the truncated decimals are exact integers: matrix value 153 = distance 15.3.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import vrplib

from routing.matrix import EuclideanProvider, Matrix, matrix_for
from routing.model import Depot, Problem, Stop, TimeWindow, Vehicle

SCALE = 10


class InstanceError(ValueError):
    """An instance file that is missing or does not parse."""


@dataclass
class Instance:
    name: str
    problem: Problem
    matrix: Matrix
    bks: float | None  # best-known cost from bks.csv, in file units
    first_number: int  # file number of array index 0 (Solomon: 0, VRPLIB: 1)

    def number(self, stop_id: str) -> int:
        """The customer's number as written in the file."""
        return int(stop_id)


def load(path: str | Path) -> Instance:
    path = Path(path)
    if not path.is_file():
        raise InstanceError(f"{path}: no such file")
    solomon = path.suffix.lower() == ".txt"
    try:
        data = vrplib.read_instance(str(path), instance_format="solomon" if solomon else "vrplib",
                                    compute_edge_weights=False)
        coords = np.asarray(data["node_coord"], dtype=float)
        demand = np.asarray(data["demand"], dtype=float)
        windows = np.asarray(data["time_window"], dtype=float)
        service = np.broadcast_to(np.asarray(data.get("service_time", 0), dtype=float), demand.shape)
        capacity = float(np.asarray(data["capacity"]).flat[0])
    except Exception as exc:  # vrplib raises anything from ValueError to IndexError
        raise InstanceError(f"{path}: not a readable {'Solomon' if solomon else 'VRPLIB'} VRPTW instance ({exc})") from exc
    if coords.ndim != 2 or len(coords) < 2 or windows.shape != (len(coords), 2):
        raise InstanceError(f"{path}: not a readable VRPTW instance (coordinates or time windows missing)")
    depot = int(np.asarray(data.get("depot", [0])).flat[0])
    if depot != 0:
        raise InstanceError(f"{path}: the depot must be the first node")
    first = 0 if solomon else 1
    name = str(data.get("name") or path.stem)
    problem = _problem(name, coords, demand, windows, service, capacity, int(data.get("vehicles") or len(coords) - 1), first)
    return Instance(name, problem, matrix_for(problem, EuclideanProvider(scale=SCALE)), _bks(path, name), first)


def _problem(name, coords, demand, windows, service, capacity, vehicles, first) -> Problem:
    t = lambda v: int(round(v * SCALE))  # noqa: E731 - file time -> model time
    shift = (t(windows[0, 0]), t(windows[0, 1]))
    fleet = [Vehicle(f"v{k + 1}", capacity_kg=capacity, shift_start=shift[0], shift_end=shift[1])
             for k in range(vehicles)]
    stops = [Stop(str(i + first), x=float(coords[i, 0]), y=float(coords[i, 1]), demand_kg=float(demand[i]),
                  time_windows=(TimeWindow(t(windows[i, 0]), t(windows[i, 1])),), service_time=t(service[i]))
             for i in range(1, len(coords))]
    return Problem(Depot(str(first), x=float(coords[0, 0]), y=float(coords[0, 1])), fleet, stops, name, shift[1])


def _bks(path: Path, name: str) -> float | None:
    table = path.parent / "bks.csv"
    if not table.is_file():
        return None
    with table.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("instance", "").strip().lower() in (name.lower(), path.stem.lower()):
                return float(row["cost"])
    return None


def cost(instance: Instance, distance: int) -> float:
    """Matrix units back to the file's unit (one decimal)."""
    return round(distance / SCALE, 1)
