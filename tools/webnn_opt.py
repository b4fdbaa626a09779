"""`webnn-opt`: parse, verify, transform and print webnn IR (mlir-opt's flags)."""

import sys


def main() -> None:
    from compiler.driver import opt_main

    sys.exit(opt_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
