"""Every node case of the `onnx` package's backend data (pytorch-converted/,
pytorch-operator/, simple/) matches its shipped outputs, or is refused for the reason
listed here. A case missing from REFUSED must pass; a refused one must be refused for
its listed reason (so a regression from pass to refused, or a changed reason, fails).
`python -m tests.onnx_backend.report` prints the same verdicts as a table."""

from __future__ import annotations

import pytest

from .cases import node_cases, run_node_case

THREE_D = "3-D and higher are not expressible"
DOUBLE = "has data type double, which WebNN lacks"
STRING = "has data type string, which WebNN lacks"
SEQUENCE = "has no WebNN equivalent"

#: case -> what the importer's refusal says (WebNN cannot express these).
REFUSED = {
    "pytorch-converted/test_AvgPool3d": THREE_D,
    "pytorch-converted/test_AvgPool3d_stride": THREE_D,
    "pytorch-converted/test_AvgPool3d_stride1_pad0_gpu_input": THREE_D,
    "pytorch-converted/test_Conv3d": THREE_D,
    "pytorch-converted/test_Conv3d_dilated": THREE_D,
    "pytorch-converted/test_Conv3d_dilated_strided": THREE_D,
    "pytorch-converted/test_Conv3d_groups": THREE_D,
    "pytorch-converted/test_Conv3d_no_bias": THREE_D,
    "pytorch-converted/test_Conv3d_stride": THREE_D,
    "pytorch-converted/test_Conv3d_stride_padding": THREE_D,
    "pytorch-converted/test_MaxPool3d": THREE_D,
    "pytorch-converted/test_MaxPool3d_stride": THREE_D,
    "pytorch-converted/test_MaxPool3d_stride_padding": THREE_D,
    "pytorch-operator/test_operator_add_broadcast": DOUBLE,
    "pytorch-operator/test_operator_add_size1_broadcast": DOUBLE,
    "pytorch-operator/test_operator_add_size1_right_broadcast": DOUBLE,
    "pytorch-operator/test_operator_add_size1_singleton_broadcast": DOUBLE,
    "pytorch-operator/test_operator_addconstant": DOUBLE,
    "simple/test_expand_shape_model1": "input 'shape' is computed at run time",
    "simple/test_expand_shape_model2": "input 'shape' is computed at run time",
    "simple/test_expand_shape_model3": "input 'shape' is computed at run time",
    "simple/test_expand_shape_model4": "input 'shape' is computed at run time",
    "simple/test_gradient_of_add": "ops of domain 'ai.onnx.preview.training'",
    "simple/test_gradient_of_add_and_mul": "ops of domain 'ai.onnx.preview.training'",
    "simple/test_sequence_model1": SEQUENCE,
    "simple/test_sequence_model2": SEQUENCE,
    "simple/test_sequence_model3": SEQUENCE,
    "simple/test_sequence_model4": SEQUENCE,
    "simple/test_sequence_model5": SEQUENCE,
    "simple/test_sequence_model6": SEQUENCE,
    "simple/test_sequence_model7": DOUBLE,
    # Its shipped input has a zero-sized dimension; WebNN tensors have none.
    "simple/test_sequence_model8": "dimension 0 is not a positive size",
    "simple/test_strnorm_model_monday_casesensintive_lower": STRING,
    "simple/test_strnorm_model_monday_casesensintive_nochangecase": STRING,
    "simple/test_strnorm_model_monday_casesensintive_upper": STRING,
    "simple/test_strnorm_model_monday_empty_output": STRING,
    "simple/test_strnorm_model_monday_insensintive_upper_twodim": STRING,
    "simple/test_strnorm_model_nostopwords_nochangecase": STRING,
}

CASES = node_cases()


def test_the_backend_data_is_there():
    # 140 node cases ship with onnx 1.23.2; REFUSED must only name cases that exist.
    names = {f"{c.parent.name}/{c.name}" for c in CASES}
    assert len(names) == 140
    assert set(REFUSED) <= names


@pytest.mark.parametrize("folder", CASES, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_node_case(folder):
    verdict = run_node_case(folder)
    if verdict.case in REFUSED:
        assert verdict.status == "refused", verdict
        assert REFUSED[verdict.case] in verdict.reason, verdict
    else:
        assert verdict.status == "pass", verdict
