"""Writers: a webnn graph in the WebNN ecosystem's other forms.

* `webnn_graph.py`: the `.webnn` text format (`webnn-translate --emit=webnn-graph`),
  read back by `compiler/frontends/webnn_graph.py`;
* `js.py`: an ES module whose `buildGraph(builder, weights)` makes the graph with
  `MLGraphBuilder` calls (`webnn-translate --emit=js`).

Both name values the same way (`common.Names`) and put large constants in a weights file
beside the output: `<stem>.weights` with its `<stem>.manifest.json`, the webnn-graph
project's layout. Written to stdout, every constant is inline.
"""

from __future__ import annotations

from pathlib import Path

from ..source import UsageError, write_output


def write_graph(module, emit: str, output: str) -> None:
    """Write `module` as `emit` ("webnn-graph" or "js") to `output` ("-": stdout), its
    large constants in a weights file beside it; UsageError when it cannot be written."""
    path = None if output == "-" else Path(output)
    source = module.source_path
    if path is not None and source is not None and source.suffix == ".webnn" and \
            (path.parent.resolve() / path.stem) == (source.parent.resolve() / source.stem):
        raise UsageError(f"writing '{output}' would overwrite the weights of the input "
                         f"'{source}' ({source.stem}.weights); choose another file name")
    if emit == "webnn-graph":
        from .webnn_graph import write_webnn_graph as write
    else:
        from .js import write_js as write
    text, weights = write(module, path)
    write_output(output, text)
    if path is not None and weights is not None and weights.tensors:
        try:
            weights.save(path)
        except OSError as err:
            raise UsageError(f"could not write the weights beside '{output}': "
                             f"{err.strerror}") from None


__all__ = ["write_graph"]
