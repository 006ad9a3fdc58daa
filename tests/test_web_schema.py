"""Schemathesis against the app's own OpenAPI schema: generated parameters and bodies (valid and
invalid) for every operation, including POST /api/articles with the token, never get a server
error, and every answer matches the schema. Bounded: a few dozen examples per operation."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from lagebild.web import create_app
from tests.test_store_support import fake_pipeline
from tests.web_support import build_sample_store

TOKEN = "schema-token"
EXAMPLES_PER_OPERATION = 25
MAX_BODY_BYTES = 64 * 1024


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    db = build_sample_store(tmp_path_factory.mktemp("schema") / "sample.duckdb")
    app = create_app(db, allow_ingest=True, token=TOKEN, make_pipeline=fake_pipeline, max_body_bytes=MAX_BODY_BYTES)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


OPERATIONS = [
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{article_id}"),
    ("POST", "/api/articles"),
    ("GET", "/api/actors"),
    ("GET", "/api/graph"),
    ("GET", "/api/places"),
    ("GET", "/api/stats"),
    ("GET", "/api/clusters"),
    ("GET", "/api/clusters/{cluster_id}"),
    ("GET", "/api/options"),
    ("GET", "/api/timeline"),
    ("GET", "/api/plover"),
    ("GET", "/api/export/{rows}"),
    ("GET", "/api/totals"),
]


def check_case(case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
    case.validate_response(
        response, checks=[response_schema_conformance, status_code_conformance, content_type_conformance]
    )


# Invalid input where the schema constrains it (a string path parameter has no invalid value that
# survives URL encoding, and operations without parameters have none at all).
NEGATIVE = [
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("POST", "/api/articles"),
    ("GET", "/api/graph"),
    ("GET", "/api/places"),
    ("GET", "/api/clusters"),
    ("GET", "/api/timeline"),
    ("GET", "/api/export/{rows}"),
]
RUNS = [(*operation, GenerationMode.POSITIVE) for operation in OPERATIONS] + [
    (*operation, GenerationMode.NEGATIVE) for operation in NEGATIVE
]


@pytest.mark.parametrize(("method", "path", "mode"), RUNS, ids=[f"{m} {p} {g.value}" for m, p, g in RUNS])
def test_no_server_error_and_answers_match_the_schema(api_schema, method: str, path: str, mode) -> None:
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {TOKEN}"} if method == "POST" else None

    @given(case=operation.as_strategy(generation_mode=mode, headers=headers))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:
        check_case(case)

    run()


def test_the_schema_covers_every_api_operation(api_schema) -> None:
    paths = api_schema.raw_schema["paths"]
    operations = {(method.upper(), path) for path, methods in paths.items() for method in methods}
    assert operations == set(OPERATIONS)
