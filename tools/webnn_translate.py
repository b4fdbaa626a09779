"""`webnn-translate`: print a graph at any stage (`--emit=`), down to LLVM IR and assembly."""

import sys


def main() -> None:
    from compiler.cli.webnn_translate import main as tool_main

    sys.exit(tool_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
