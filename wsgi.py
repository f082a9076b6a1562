"""Entry point for production serving: ``gunicorn wsgi:app``."""
from nutriplat import create_app

app = create_app()
