"""`webnn-translate`: print a graph at any stage (`--emit=`), down to LLVM IR and assembly."""

import sys


def main() -> None:
    from compiler.driver import translate_main

    sys.exit(translate_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
