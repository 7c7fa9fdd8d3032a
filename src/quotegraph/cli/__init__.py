"""The ``quotegraph`` command: a thin argparse front over the Python API.

Each sub-module in ``COMMAND_MODULES`` contributes sub-commands through ``register(subparsers)``
and sets ``func`` on its parser; ``func(args)`` returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys

from quotegraph.errors import QuotegraphError

COMMAND_MODULES = ("extract", "kb", "store", "serve", "scale")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotegraph",
        description="Who said what, about whom, when and where: attributed statements from news.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module_name = f"quotegraph.cli.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="quotegraph: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except QuotegraphError as e:
        print(f"quotegraph: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("quotegraph: interrupted", file=sys.stderr)
        return 130
