"""Property-based fuzzing (hypothesis): every input file, whatever its bytes, yields JSON records
or coded errors, never a traceback. A bounded campaign; bench/fuzz_campaign.py runs the long one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from lagebild.pipeline import Pipeline
from tests.fuzz_support import check_input, input_files

CI_EXAMPLES = 150  # ~10 s on one core; the long campaign (README) ran 100,000


@settings(max_examples=CI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(input_files())
def test_any_input_yields_records_or_coded_errors(pipeline: Pipeline, file: tuple[str, bytes]) -> None:
    suffix, content = file
    check_input(pipeline, suffix, content)
