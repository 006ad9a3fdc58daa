"""The web page and HTTP API over the event store (`lagebild serve`).

create_app(db_path, allow_ingest, token)   app.py      FastAPI app, page, error handling
/api/events, /api/articles/{id}, ...       routes.py   read-only JSON API
POST /api/articles                         ingest.py   ingest one article (token)
static/                                    the page: plain JS modules, vendored geometry
"""

from lagebild.web.app import create_app

__all__ = ["create_app"]
