"""`webnn-import`: import an ONNX model or a .webnn graph as webnn IR."""

import sys


def main() -> None:
    from compiler.frontends.cli import import_main

    sys.exit(import_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
