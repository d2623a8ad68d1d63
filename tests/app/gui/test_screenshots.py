"""The screenshot script keeps working: every main view is drawn, with text on it."""

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.gui.console.workspace import VIEWS
from tests.app.gui.screenshots import SIZE, shoot


def colours(image: QImage) -> int:
    step = 7
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_every_main_view_is_drawn_in_russian(qapp: QApplication, tmp_path: Path) -> None:
    made = shoot(tmp_path, ["ru"])
    names = {path.name for path in made}
    assert {f"console-{view}-ru.png" for view in VIEWS} <= names
    assert {"console-wizard-ru.png", "console-login-ru.png", "console-tray-ru.png"} <= names
    for path in made:
        image = QImage(str(path))
        assert not image.isNull(), path.name
        if path.name != "console-tray-ru.png":
            assert (image.width(), image.height()) == SIZE, path.name
        assert colours(image) > 8, f"{path.name} looks blank"
