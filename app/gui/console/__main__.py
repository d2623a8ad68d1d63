"""`python -m app.gui.console`."""

import sys

from app.gui.console.app import main

if __name__ == "__main__":
    sys.exit(main())
