"""Qari entry point: the window by default, headless subcommands otherwise.

    python main.py [FILE.pdf] [--lang ar|en]     open the reader (the sample report by default)
    python main.py extract FILE.pdf [...]        print the page text
"""

from __future__ import annotations

import sys


def main() -> int:
    from reader.cli import SUBCOMMANDS

    if len(sys.argv) > 1 and sys.argv[1] in SUBCOMMANDS:
        from reader.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from reader.ui.app import main as gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
