"""Entry point for production serving: ``gunicorn wsgi:app``."""
from nutriplat.app import create_app

app = create_app()
