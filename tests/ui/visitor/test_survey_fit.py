"""The survey and the reasons after a low face fit the visitor screens offices have: from
1280×720 up, in Indonesian and English, every IKM element and every SKD attribute shows its
words whole (no label elided or cut, no button outside the window), as ``tests/ui/test_fit.py``
checks the other windows."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.entities import SurveyChoice
from pst_desktop.core.i18n import install_translator
from tests.ui.test_fit import SIZES, fit_problems
from tests.ui.visitor.make_survey_screenshots import Office, ask
from ui.style import apply_style


@pytest.fixture
def office(qapp):
    with tempfile.TemporaryDirectory() as folder:
        office = Office(Path(folder))
        yield office
        office.db.close()
        from models.database import database_proxy

        database_proxy.initialize(None)
        qapp.setStyleSheet("")


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_survey_screen_and_the_reasons_fit(qapp, office, language):
    install_translator(qapp, language)
    apply_style(qapp)
    screen = office.screen(language)
    try:
        office.survey(SurveyChoice.BOTH)
        office.finish_a_visit(1)
        ask(screen)
        screen.tap(1)
        survey = screen.survey_page
        assert survey.active
        problems = []
        for size in SIZES:
            screen.resize(*size)
            for index in range(len(survey.screens)):
                survey.index = index  # (shown without answering: nothing is sent)
                survey._show_screen()
                where = f"{size[0]}x{size[1]} screen {index + 1}"
                problems += [f"{where}: {p}" for p in fit_problems(screen)]
        survey.end()  # a low face, no IKM answered: the reasons
        assert screen.reason_chips.isVisible()
        for size in SIZES:
            screen.resize(*size)
            problems += [f"{size} reasons: {p}" for p in fit_problems(screen)]
        assert problems == []
        QApplication.processEvents()
    finally:
        screen.survey_sender.wait()
        screen.close()
        screen.deleteLater()
