"""`webnn-import`: import an ONNX model or a .webnn graph as webnn IR."""

import sys


def main() -> None:
    from compiler.cli.webnn_import import main as tool_main

    sys.exit(tool_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
