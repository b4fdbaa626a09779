"""`webnn-run`: JIT-run a webnn graph on .npy/.npz or generated inputs; compare; benchmark."""

import sys


def main() -> None:
    from compiler.cli.webnn_run import main as tool_main

    sys.exit(tool_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
