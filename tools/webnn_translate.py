"""`webnn-translate`: not yet implemented in this release."""

import sys


def main() -> None:
    print("webnn-translate: not yet implemented", file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main()
