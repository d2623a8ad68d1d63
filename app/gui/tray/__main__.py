"""`python -m app.gui.tray`."""

import sys

from app.gui.tray.app import main

if __name__ == "__main__":
    sys.exit(main())
