"""The light models of the `onnx` package's backend data import, compile and match ONNX
Runtime on a random input (their constant-filled weights made random first).

Compiling a whole network takes this compiler tens of seconds to minutes, so pytest
runs the models that compile fastest (IN_CI); the others (REPORT_ONLY) are run by
`python -m tests.onnx_backend.report`, which runs every light model with the same
check and prints its times. Both lists together must name every light model."""

from __future__ import annotations

import pytest

from .cases import light_models, run_light_model

#: Compiled and compared in every test run.
IN_CI = ("light_bvlc_alexnet", "light_resnet50", "light_squeezenet", "light_zfnet512")
#: Compiled and compared by the report command only (each takes about a minute or more
#: to compile, or half a gigabyte of weights for VGG19).
REPORT_ONLY = ("light_densenet121", "light_inception_v1", "light_inception_v2",
               "light_shufflenet", "light_vgg19")

MODELS = {p.stem: p for p in light_models()}


def test_every_light_model_is_run_somewhere():
    assert sorted(MODELS) == sorted(IN_CI + REPORT_ONLY)


@pytest.mark.parametrize("name", IN_CI)
def test_light_model_matches_onnx_runtime(name):
    verdict = run_light_model(MODELS[name])
    assert verdict.status == "pass", verdict
