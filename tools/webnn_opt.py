"""`webnn-opt`: parse, verify, transform and print webnn IR (mlir-opt's flags)."""

import sys


def main() -> None:
    from compiler.cli.webnn_opt import main as tool_main

    sys.exit(tool_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
