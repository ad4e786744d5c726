"""The entry script of the one-folder build (build.spec): PyInstaller runs its entry as a
top-level script, where ``desktop_app/__main__.py``'s relative imports cannot work."""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
