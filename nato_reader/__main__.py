"""`python -m nato_reader` behaves like the `nato-reader` command."""

from nato_reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
