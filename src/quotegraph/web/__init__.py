"""The web UI: Jinja2 templates, server-side SVG charts and a little plain JavaScript.

Mounted by :func:`quotegraph.api.create_app`; every asset is served from ``static/`` so the UI
works offline and loads nothing from elsewhere.
"""
