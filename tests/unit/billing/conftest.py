"""Unit tests of the pure billing domain (nutriplat/billing/domain): no app, no database.

The repository root is put on sys.path only when the package is not importable yet (no
editable install), so these tests run with a bare ``pytest`` as well.
"""
import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("nutriplat") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
