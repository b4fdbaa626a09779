"""`webnn-run`: JIT-run a webnn graph on .npy/.npz or generated inputs; compare; benchmark."""

import sys


def main() -> None:
    from compiler.driver import run_main

    sys.exit(run_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
