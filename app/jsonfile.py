"""Reading a JSON file with one readable line for whatever is wrong with it."""

import json
from pathlib import Path


class JsonFileError(ValueError):
    """A file that cannot be read or is not JSON; the message names the file and the line."""


def read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise JsonFileError(f"{path}: line {error.lineno}: not valid JSON ({error.msg})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise JsonFileError(f"{path}: cannot be read ({error})") from None
