"""Write the binary ONNX model of a file in ONNX's text syntax (lit tests' models).

    %python onnx_from_text.py model.onnxtxt out.onnx
"""

import sys

import onnx
import onnx.parser

with open(sys.argv[1], encoding="utf-8") as f:
    onnx.save(onnx.parser.parse_model(f.read()), sys.argv[2])
