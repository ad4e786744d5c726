"""The entry script of the one-folder build (build.spec): PyInstaller runs its entry as a
top-level script, where ``desktop_app/__main__.py``'s relative imports cannot work.

Receiving checks large batches in ``spawn`` worker processes (``receiving/parallel.py``);
in the built folder a worker is this same program started again with multiprocessing's
own arguments, and ``freeze_support`` must run first to turn it into that worker (and
never open a window or parse a command line).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a spawn worker runs here and exits
    from desktop_app.__main__ import main

    sys.exit(main())
