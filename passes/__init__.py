"""Passes of webnn-mlir, one module per pass, each file named after its flag.

`PASSES` maps a flag to a factory that imports the pass only when it is asked for, so a
tool that runs one pass never imports the others. Upstream xDSL passes that the pipeline
uses as they are (cse, canonicalize, licm, ...) are listed next to ours, by flag.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.passes import ModulePass

from . import locations
from .errors import PassError

locations.install()

#: Upstream xDSL passes exposed under their own flags.
_UPSTREAM = ("canonicalize", "cse", "dce", "licm", "convert-memref-to-ptr")


#: Our passes: flag -> "module:Class" in this package (the module is named after the flag).
_OURS = {
    "webnn-upgrade": "webnn_upgrade:WebnnUpgradePass",
    "webnn-downgrade": "webnn_downgrade:WebnnDowngradePass",
    "convert-to-nhwc": "convert_to_nhwc:ConvertToNHWCPass",
    "convert-webnn-to-linalg": "convert_webnn_to_linalg:ConvertWebNNToLinalgPass",
    "fuse-elementwise": "fuse_elementwise:FuseElementwisePass",
    "bufferize": "bufferize:BufferizePass",
    "interchange-for-vectorization": "interchange_for_vectorization:InterchangeForVectorizationPass",
    "collapse-dimensions": "collapse_dimensions:CollapseDimensionsPass",
    "parallelize": "parallelize:ParallelizePass",
    "vectorize-contractions": "vectorize_contractions:VectorizeContractionsPass",
    "vectorize-transposes": "vectorize_transposes:VectorizeTransposesPass",
    "convert-linalg-to-loops": "convert_linalg_to_loops:ConvertLinalgToLoopsPass",
    "lower-affine": "lower_affine:LowerAffinePass",
    "bind-parallel-range": "bind_parallel_range:BindParallelRangePass",
    "share-kernels": "share_kernels:ShareKernelsPass",
    "expand-math": "expand_math:ExpandMathPass",
    "convert-vector-to-llvm": "convert_vector_to_llvm:ConvertVectorToLLVMPass",
    "convert-memref-to-llvm": "convert_memref_to_llvm:ConvertMemRefToLLVMPass",
    "convert-scf-to-cf": "convert_scf_to_cf:ConvertScfToCfPass",
    "convert-arith-to-llvm": "convert_arith_to_llvm:ConvertArithToLLVMPass",
    "convert-math-to-llvm": "convert_math_to_llvm:ConvertMathToLLVMPass",
    "convert-cf-to-llvm": "convert_cf_to_llvm:ConvertCfToLLVMPass",
    "convert-func-to-llvm": "convert_func_to_llvm:ConvertFuncToLLVMPass",
    "build-spmd-entry": "build_spmd_entry:BuildSPMDEntryPass",
    "reconcile-unrealized-casts": "reconcile_unrealized_casts:ReconcileUnrealizedCastsPass",
}


def _lazy(target: str) -> Callable[[], type[ModulePass]]:
    module_name, class_name = target.split(":")

    def load() -> type[ModulePass]:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{module_name}"), class_name)
    return load


def _ours() -> dict[str, Callable[[], type[ModulePass]]]:
    return {flag: _lazy(target) for flag, target in _OURS.items()}


def all_passes() -> dict[str, Callable[[], type[ModulePass]]]:
    from xdsl.transforms import get_all_passes

    upstream = get_all_passes()
    table = {flag: upstream[flag] for flag in _UPSTREAM if flag in upstream}
    table.update(_ours())
    return table


__all__ = ["all_passes", "PassError"]
