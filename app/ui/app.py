"""The QApplication: names for QSettings, translations, fonts and the style sheet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app.resources import resource
from app.ui.settings import APPLICATION, ORGANISATION

LANGUAGES = ("de", "en")
BASE_POINT_SIZE = 15

_installed: list[QTranslator] = []


def pick_language(requested: str | None) -> str:
    """The requested language if we ship it, else the system's if we ship it, else English."""
    for candidate in (requested, QLocale.system().name().split("_")[0]):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def install_translations(app: QCoreApplication, language: str) -> None:
    """Ours plus Qt's own (dialog buttons); replaces whatever was installed before."""
    while _installed:
        app.removeTranslator(_installed.pop())
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"vaxdesk_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English,
                               QLocale.Country.Germany))


def apply_style(app: QApplication) -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = resource("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    font = QFont("DejaVu Sans")
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    qss = resource("style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    icon = resource("icons", "vaxdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def create_application(argv: Sequence[str], *, language: str | None) -> QApplication:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    install_translations(app, pick_language(language))
    apply_style(app)
    return app
