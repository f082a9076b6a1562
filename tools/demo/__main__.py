"""``python -m tools.demo [--no-serve] [--port P] [--simulate-days N]``, from the repository
root (``make demo``): the app from ``nutriplat.app.create_app``, configured by the same
environment as the ``nutriplat`` console script."""
from flask.cli import ScriptInfo

from nutriplat.app import create_app
from tools.demo.cli import demo

if __name__ == "__main__":
    demo(prog_name="python -m tools.demo", obj=ScriptInfo(create_app=lambda: create_app()))
