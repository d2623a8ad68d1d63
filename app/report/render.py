"""`python -m app.report.render`: a PDF from the JSON on stdin, in a process of its own.

The service makes reports without Qt in its own process (import-linter forbids it):
it hands this process the finished HTML and charts, never the database. Input:
{"html": ..., "charts": {name: svg}, "title": ..., "output": path}.
"""

import json
import os
import sys
from pathlib import Path

from app.report.pdf import render_pdf


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application starts
    os.umask(0o077)  # the PDF tells what a child did: only its owner may read it
    job = json.load(sys.stdin)
    render_pdf(job["html"], job["charts"], Path(job["output"]), job["title"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
