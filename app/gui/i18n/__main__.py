"""`python -m app.gui.i18n build [--out DIR]` compiles the catalogs; `update` refreshes `.ts`."""

import argparse
import sys
from pathlib import Path

from app.gui.i18n import CatalogError, build, catalogs_dir, update_sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.gui.i18n")
    commands = parser.add_subparsers(dest="command", required=True)
    built = commands.add_parser("build", help="compile assets/i18n/*.ts into .qm catalogs")
    built.add_argument("--out", type=Path, default=None, help=f"default: {catalogs_dir()}")
    commands.add_parser("update", help="add the GUI's new strings to assets/i18n/*.ts")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            for path in build(args.out):
                print(path)
        else:
            update_sources()
    except CatalogError as error:
        print(f"qorgan i18n: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
