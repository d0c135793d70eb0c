"""The look of the whole app: Fusion, a calm palette in BPS blue, one style sheet.

Widgets only set object names (``banner``, ``card``, ``primaryButton``, ``errorLabel`` …);
the colours and sizes live here: every colour is a name below (no other file under ``ui/``
writes a colour, ``tests/ui/test_style.py`` checks it), ``STYLE_SHEET`` is the app's, and each
window's own sheet (``OFFICER_SHEET``, ``RECEPTION_SHEET`` …) sits under it.  A list colours its
rows with the names too (``WARNING_BACKGROUND``, ``CALLED`` …, through ``ui.tables``).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# -- the office's colours ----------------------------------------------------------------------
BLUE = "#0b4a8b"  # BPS blue: the banner, titles, a selected row, a waiting ticket
BLUE_DARK = "#083766"  # a blue button pressed or hovered
BLUE_LIGHT = "#e8f0f9"  # table headers, a hovered button
ORANGE = "#f28c28"  # the banner's stripe, Call next and Issue
ORANGE_DARK = "#d9771a"  # Call next / Issue hovered
ORANGE_EDGE = "#c96d12"  # the border of Call next / Issue
ORANGE_OFF = "#c9a27c"  # Call next while it cannot be pressed
ORANGE_OFF_TEXT = "#f3e3d3"  # its text then
BACKGROUND = "#eef2f6"  # behind the cards
TEXT = "#1f2933"  # what is read
MUTED = "#5b6773"  # hints, captions, the status line
FAINT = "#8a96a3"  # an inactive row; a detail for the office IT
BORDER = "#c9d3dd"  # cards, fields, tables
GRID = "#e3e8ee"  # the lines between cells
ERROR = "#b3261e"  # a refusal, a field to correct, something overdue
ERROR_BACKGROUND = "#fdecea"  # behind a refusal
ERROR_BORDER = "#f3c1bd"  # around a refusal

# -- on the blue band and the blue cards (held ticket, last ticket) ----------------------------
ON_BLUE = "#d6e4f3"  # quieter text on blue
ON_BLUE_EDGE = "#8fb0d3"  # a button's border on blue; the held card's 'No ticket'
ON_BLUE_OFF = "#3d6fa3"  # a button on blue that cannot be pressed
ON_BLUE_OFF_TEXT = "#9fbad6"  # its text
ON_BLUE_WARNING = "#ffd28a"  # the service clock near its standard
ON_BLUE_OVERDUE = "#ffb4ab"  # the service clock past its standard
ON_BLUE_OUTPUT = "#ffd9ad"  # where the last ticket went (printer, PDF)
OUTPUT_OUTSIDE = "#9a4a06"  # that line when it sits outside the blue card

# -- a ticket's stage, a wait, a deadline, a message -------------------------------------------
CALLED = "#b45309"  # a called ticket; a draft kept on this PC
SERVING = "#15803d"  # a ticket in service; a thing done well
CLOSED = "#8a9099"  # a ticket closed (no-show, cancelled, left)
ZERO = "#b8c2cc"  # a count of nothing
OK_BACKGROUND = "#e3f4e8"  # behind a done message; a desk serving; an open day
OK_BORDER = "#a6d9b5"  # around a done message
WARNING_BACKGROUND = "#ffe8b3"  # a wait past its warning; an answer due soon
ALERT_BACKGROUND = "#f9c7c3"  # a wait past its alert; an answer overdue
NOTICE_BACKGROUND = "#fff4e0"  # behind a message line
NOTICE_BORDER = "#f2c27a"  # around a message line
NOTICE_TEXT = "#8a5a00"  # the rating screen's status line

# -- the connection banner, the waiting screen, the setup wizard -------------------------------
CONNECTION_BACKGROUND = "#fff4dc"  # the calm band while the database is lost
CONNECTION_BORDER = "#f0c36d"  # its lower edge
CONNECTION_TEXT = "#6b4a00"  # its line
CONNECTION_HINT = "#6b5a33"  # its hint
WAITING_SCREEN_TEXT = "#24313d"  # what the station waits for
PROBLEM_TEXT = "#8a3a00"  # a problem the station waits out
SUCCESS_TEXT = "#1d5e2a"  # a test that passed
SUCCESS_BACKGROUND = "#e6f4ea"  # behind it
SUCCESS_BORDER = "#a8d5b1"  # around it
INFO_BORDER = "#b7cde6"  # around a line that informs

# -- the display board (dark, read from across the room) ---------------------------------------
BOARD_NAVY = "#0a2540"  # its background; the number called
BOARD_CARD = "#12355c"  # the recent calls and the waiting chips
BOARD_LINE = "#2b5684"  # between recent calls
BOARD_MUTED = "#9fb6cf"  # captions on navy
BOARD_DESK = "#ffd39c"  # the desk of a recent call; a desk on a break; the offline line
BOARD_FLASH = "#fff1dc"  # the number card as it is called
BOARD_OFFLINE_TEXT = "#3b2a00"  # the offline line's text

# -- the rating screen -------------------------------------------------------------------------
KIOSK_BACKGROUND = "#f4f7fb"  # its pages
FACE_UNHAPPY = "#d64541"  # the unhappiest face
FACE_FAIR = "#f2c12e"  # the middle face of five
FACE_GOOD = "#7cb342"  # the face before the happiest
FACE_HAPPY = "#2e9e5b"  # the happiest face; thank you
PROGRESS_TRACK = "#dde5ee"  # the survey's progress bar, still to go

# -- the same colours by what they mean in the office ------------------------------------------
WAITING = BLUE  # a waiting ticket
DONE = MUTED  # a ticket done
OK_GREEN = SERVING  # saved, done, met
ALERT = ERROR  # the text of something overdue

STYLE_SHEET = f"""
QWidget#page {{ background: {BACKGROUND}; }}
QWidget#banner {{ background: {BLUE}; border-bottom: 4px solid {ORANGE}; }}
QLabel#bannerOffice {{ color: white; font-size: 22pt; font-weight: bold; }}
QLabel#bannerSubtitle {{ color: {ON_BLUE}; font-size: 11pt; }}
QLabel#bannerUser {{ color: white; font-size: 10pt; }}
QFrame#card {{
    background: white; border: 1px solid {BORDER}; border-radius: 8px;
}}
QLabel#cardTitle {{ color: {TEXT}; font-size: 16pt; font-weight: bold; }}
QLabel#placeholderTitle {{ color: {TEXT}; font-size: 14pt; font-weight: bold; }}
QLabel#cardHint {{ color: {MUTED}; }}
QLabel#fieldLabel {{ color: {TEXT}; font-weight: bold; }}
QLabel#fieldError {{ color: {ERROR}; font-size: 9pt; }}
QLabel#errorLabel {{
    color: {ERROR}; background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER};
    border-radius: 4px; padding: 8px 10px;
}}
QLabel#footer {{ color: {MUTED}; font-size: 9pt; }}
QLabel#detailKey {{ color: {MUTED}; }}
QLabel#detailValue {{ color: {TEXT}; font-weight: bold; }}
QLineEdit {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 6px 8px; min-height: 22px; selection-background-color: {BLUE};
}}
QLineEdit:focus {{ border: 2px solid {BLUE}; padding: 5px 7px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; padding: 5px 7px; }}
QPushButton {{
    background: white; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 7px 18px; min-height: 22px;
}}
QPushButton:hover {{ background: {BLUE_LIGHT}; }}
QPushButton#primaryButton {{
    background: {BLUE}; color: white; border: 1px solid {BLUE_DARK}; font-weight: bold;
}}
QPushButton#primaryButton:hover {{ background: {BLUE_DARK}; }}
QPushButton#bannerButton {{
    background: transparent; color: white; border: 1px solid {ON_BLUE_EDGE}; padding: 5px 14px;
}}
QPushButton#bannerButton:hover {{ background: {BLUE_DARK}; }}
"""

# == each window's own sheet (applied on the window, scaled with the app font) ====================

#: the officer's workspace (ui.officer)
OFFICER_SHEET = f"""
QLabel#sectionTitle {{ font-size: 12.5pt; font-weight: bold; color: {TEXT}; }}
QFrame#heldCard {{ background: {BLUE}; border-radius: 8px; }}
QLabel#heldCode {{ color: white; font-size: 30pt; font-weight: bold; }}
QLabel#heldCode[idle="true"] {{ color: {ON_BLUE_EDGE}; font-size: 20pt; }}
QLabel#heldDetail {{ color: {ON_BLUE}; font-size: 10.5pt; }}
QLabel#heldStatus {{
    color: {BLUE}; background: white; border-radius: 4px; padding: 2px 8px; font-weight: bold;
}}
QLabel#timer {{ color: white; font-size: 20pt; font-weight: bold; font-family: monospace; }}
QLabel#timer[level="warning"] {{ color: {ON_BLUE_WARNING}; }}
QLabel#timer[level="overdue"] {{ color: {ON_BLUE_OVERDUE}; }}
QLabel#timerHint {{ color: {ON_BLUE}; font-size: 9pt; }}
QPushButton#action {{
    background: white; color: {BLUE}; font-weight: bold; padding: 8px 10px; border: none;
}}
QPushButton#action:disabled {{ background: {ON_BLUE_OFF}; color: {ON_BLUE_OFF_TEXT}; }}
QPushButton#callButton {{
    background: {ORANGE}; color: white; font-size: 12.5pt; font-weight: bold;
    padding: 10px 18px; border: 1px solid {ORANGE_EDGE};
}}
QPushButton#callButton:hover {{ background: {ORANGE_DARK}; }}
QPushButton#callButton:disabled {{ background: {ORANGE_OFF}; color: {ORANGE_OFF_TEXT}; }}
QComboBox {{ padding: 5px 8px; min-height: 22px; }}
QPlainTextEdit {{ background: white; border: 1px solid {BORDER}; border-radius: 4px; }}
QPlainTextEdit:focus {{ border: 2px solid {BLUE}; }}
QSpinBox, QDateEdit {{ padding: 4px 6px; min-height: 22px; }}
QTableView {{ background: white; gridline-color: {GRID}; font-size: 10.5pt; }}
QTableView::item:selected {{ background: {BLUE}; color: white; }}
QHeaderView::section {{
    background: {BLUE_LIGHT}; color: {TEXT}; font-weight: bold; padding: 5px; border: none;
    border-bottom: 1px solid {BORDER};
}}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: white; border-radius: 4px; }}
QTabBar::tab {{ padding: 8px 18px; font-weight: bold; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {BLUE}; border-bottom: 3px solid {ORANGE}; }}
QLabel#notice {{
    background: {NOTICE_BACKGROUND}; border: 1px solid {NOTICE_BORDER}; border-radius: 4px;
    padding: 6px 10px;
}}
QLabel#notice[kind="error"] {{ background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER}; }}
QLabel#notice[kind="ok"] {{ background: {OK_BACKGROUND}; border: 1px solid {OK_BORDER}; }}
QLabel#saveState {{ color: {MUTED}; font-size: 9pt; }}
QLabel#saveState[kind="local"] {{ color: {CALLED}; font-weight: bold; }}
QListWidget#hits {{ background: white; border: 1px solid {BORDER}; font-size: 10pt; }}
QListWidget#hits::item {{ padding: 4px 6px; border-bottom: 1px solid {BACKGROUND}; }}
QListWidget#hits::item:selected {{ background: {BLUE}; color: white; }}
QLabel#statusLine {{ color: {MUTED}; font-size: 9.5pt; }}
QPushButton#small {{ padding: 5px 12px; }}
"""

#: the front desk (ui.reception)
RECEPTION_SHEET = f"""
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; color: {TEXT}; }}
QLabel#regTimer {{ color: {MUTED}; font-size: 10pt; }}
QLabel#regTimer[verdict="overdue"] {{ color: {ERROR}; font-weight: bold; }}
QLineEdit {{ padding: 4px 8px; }}
QLineEdit:focus, QLineEdit[invalid="true"] {{ padding: 3px 7px; }}
QLineEdit#search {{
    font-size: 12pt; padding: 6px 10px; border: 2px solid {BLUE}; border-radius: 6px;
}}
QListWidget#searchResults {{
    background: white; border: 2px solid {BLUE}; border-top: none; font-size: 11pt;
}}
QListWidget#searchResults::item {{ padding: 6px 8px; }}
QListWidget#searchResults::item:selected {{ background: {BLUE}; color: white; }}
QLabel#returningBadge {{
    background: {OK_BACKGROUND}; color: {SERVING}; border-radius: 4px; padding: 3px 8px;
    font-weight: bold;
}}
QComboBox {{ padding: 3px 8px; min-height: 22px; }}
QComboBox[invalid="true"] {{ border: 2px solid {ERROR}; }}
QCheckBox[invalid="true"] {{ color: {ERROR}; }}
QCheckBox#consent {{ font-weight: bold; padding: 4px 0; }}
QPushButton#issueButton {{
    background: {ORANGE}; color: white; border: 1px solid {ORANGE_EDGE}; font-size: 13pt;
    font-weight: bold; padding: 10px 22px;
}}
QPushButton#issueButton:hover {{ background: {ORANGE_DARK}; }}
QFrame#notice {{
    background: {NOTICE_BACKGROUND}; border: 1px solid {NOTICE_BORDER}; border-radius: 6px;
}}
QFrame#notice[kind="error"] {{ background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER}; }}
QFrame#notice[kind="ok"] {{ background: {OK_BACKGROUND}; border: 1px solid {OK_BORDER}; }}
QLabel#noticeText {{ color: {TEXT}; }}
QFrame#lastTicket {{ background: {BLUE}; border-radius: 8px; }}
QLabel#lastCode {{ color: white; font-size: 30pt; font-weight: bold; }}
QLabel#lastService {{ color: white; font-size: 13pt; font-weight: bold; }}
QLabel#lastDetail {{ color: {ON_BLUE}; font-size: 10.5pt; }}
QLabel#lastOutput {{ color: {ON_BLUE_OUTPUT}; font-size: 9.5pt; }}
QLabel#lastOutput[outside="true"] {{ color: {OUTPUT_OUTSIDE}; padding: 0 2px; }}
QPushButton#onBlue {{
    background: transparent; color: white; border: 1px solid {ON_BLUE_EDGE}; padding: 6px 14px;
}}
QPushButton#onBlue:hover {{ background: {BLUE_DARK}; }}
QLabel#countHead {{ color: {MUTED}; font-size: 9.5pt; font-weight: bold; }}
QLabel#countService {{ color: {TEXT}; font-weight: bold; }}
QLabel#countValue {{ color: {TEXT}; font-size: 14pt; font-weight: bold; }}
QLabel#countValue[stage="waiting"] {{ color: {BLUE}; }}
QLabel#countValue[stage="called"] {{ color: {CALLED}; }}
QLabel#countValue[stage="serving"] {{ color: {SERVING}; }}
QLabel#countValue[stage="done"] {{ color: {MUTED}; }}
QLabel#countValue[zero="true"] {{ color: {ZERO}; font-weight: normal; }}
QTableView {{ background: white; gridline-color: {GRID}; font-size: 11pt; }}
QTableView::item:selected {{ background: {BLUE}; color: white; }}
QHeaderView::section {{
    background: {BLUE_LIGHT}; color: {TEXT}; font-weight: bold; padding: 6px; border: none;
    border-bottom: 1px solid {BORDER};
}}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: white; border-radius: 4px; }}
QTabBar::tab {{ padding: 8px 18px; font-weight: bold; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {BLUE}; border-bottom: 3px solid {ORANGE}; }}
QLabel#statusLine {{ color: {MUTED}; font-size: 9.5pt; }}
QPushButton#small {{ padding: 5px 12px; }}
"""

#: the supervisor's and admin's tabs
SUPERVISOR_TABS_SHEET = f"""
QTabWidget::pane {{ border: none; background: transparent; }}
QTabBar::tab {{ padding: 7px 18px; font-weight: bold; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {BLUE}; border-bottom: 3px solid {ORANGE}; }}
"""

#: the live day's tiles and tables
LIVE_DAY_SHEET = f"""
QFrame#tile {{ background: white; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#tileValue {{ color: {BLUE}; font-size: 20pt; font-weight: bold; }}
QLabel#tileValue[alert="true"] {{ color: {ERROR}; }}
QLabel#tileCaption {{ color: {MUTED}; font-size: 9pt; font-weight: bold; }}
QLabel#tileDetail {{ color: {MUTED}; font-size: 8.5pt; }}
QLabel#panelTitle {{ color: {TEXT}; font-size: 11pt; font-weight: bold; }}
QLabel#liveStatus {{ color: {MUTED}; font-size: 9pt; }}
QFrame#panel {{ background: white; border: 1px solid {BORDER}; border-radius: 8px; }}
QTableView {{ background: white; gridline-color: {GRID}; border: none; }}
QHeaderView::section {{
    background: {BLUE_LIGHT}; color: {TEXT}; font-weight: bold; padding: 4px; border: none;
    border-bottom: 1px solid {BORDER};
}}
"""

#: the admin's tabs
ADMIN_SHEET = f"""
QLabel#tabMessage {{ padding: 6px 10px; border-radius: 4px; border: 1px solid transparent; }}
QLabel#tabMessage[kind="error"] {{
    color: {ERROR}; background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER};
}}
QLabel#tabMessage[kind="ok"] {{
    color: {SERVING}; background: {OK_BACKGROUND}; border: 1px solid {OK_BORDER};
}}
QLabel#sectionTitle {{ font-size: 12pt; font-weight: bold; color: {TEXT}; }}
QTableView {{ background: white; gridline-color: {GRID}; }}
QTableView::item:selected {{ background: {BLUE}; color: white; }}
QHeaderView::section {{
    background: {BLUE_LIGHT}; color: {TEXT}; font-weight: bold; padding: 5px; border: none;
    border-bottom: 1px solid {BORDER};
}}
QComboBox, QSpinBox, QDateEdit, QTimeEdit {{ padding: 3px 6px; min-height: 22px; }}
QPlainTextEdit {{ background: white; border: 1px solid {BORDER}; border-radius: 4px; }}
QLabel#logoPreview {{ background: white; border: 1px dashed {BORDER}; border-radius: 4px; }}
"""

#: the calm band while the database is lost
CONNECTION_BANNER_SHEET = f"""
QWidget#connectionBanner {{
    background: {CONNECTION_BACKGROUND}; border-bottom: 1px solid {CONNECTION_BORDER};
}}
QLabel#connectionBannerText {{ color: {CONNECTION_TEXT}; font-size: 11pt; font-weight: 600; }}
QLabel#connectionBannerHint {{ color: {CONNECTION_HINT}; font-size: 10pt; }}
"""

#: the station waiting for its database
WAITING_SCREEN_SHEET = f"""
QWidget#waitingScreen {{ background: {BACKGROUND}; }}
QLabel#waitingLine {{ color: {WAITING_SCREEN_TEXT}; font-size: 22pt; font-weight: 600; }}
QLabel#waitingLine[state="problem"] {{ color: {PROBLEM_TEXT}; }}
QLabel#waitingServer {{ color: {MUTED}; font-size: 13pt; }}
QLabel#waitingHint {{ color: {MUTED}; font-size: 11pt; }}
QLabel#waitingDetail {{ color: {FAINT}; font-size: 9pt; }}
QLabel#waitingProduct {{ color: {FAINT}; font-size: 10pt; }}
"""

#: the setup wizard and the connection settings
SETUP_WIZARD_SHEET = f"""
QWizard, QWizardPage {{ background: {BACKGROUND}; }}
QLabel#setupIntro {{ color: {MUTED}; font-size: 10.5pt; }}
QLabel#choiceHint {{ color: {MUTED}; font-size: 10pt; margin-left: 26px; margin-bottom: 10px; }}
QRadioButton {{ font-size: 11.5pt; font-weight: 600; }}
QLabel#setupResult {{ font-size: 10.5pt; padding: 8px 10px; border-radius: 4px; }}
QLabel#setupResult[state="ok"] {{
    color: {SUCCESS_TEXT}; background: {SUCCESS_BACKGROUND}; border: 1px solid {SUCCESS_BORDER}; }}
QLabel#setupResult[state="error"] {{
    color: {ERROR}; background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER}; }}
QLabel#setupResult[state="busy"] {{
    color: {BLUE_DARK}; background: {BLUE_LIGHT}; border: 1px solid {INFO_BORDER}; }}
"""

#: the display board (sizes for 1920x1080; fit_to_screen scales them)
BOARD_SHEET = f"""
DisplayBoard {{ background: {BOARD_NAVY}; }}
QLabel {{ color: white; }}
QWidget#boardBanner {{ background: {BLUE}; border-bottom: 6px solid {ORANGE}; }}
QLabel#boardOffice {{ font-size: 30pt; font-weight: bold; }}
QLabel#boardSubtitle {{ color: {ON_BLUE}; font-size: 16pt; }}
QLabel#boardTime {{ font-size: 40pt; font-weight: bold; }}
QLabel#boardDate {{ color: {ON_BLUE}; font-size: 16pt; }}
QFrame#nowCard {{ background: white; border-radius: 28px; }}
QFrame#nowCard[flash="true"] {{ background: {BOARD_FLASH}; }}
QLabel#nowCaption {{ color: {BLUE}; font-size: 30pt; font-weight: bold; letter-spacing: 2px; }}
QLabel#nowNumber {{ color: {BOARD_NAVY}; font-size: 190pt; font-weight: bold; }}
QLabel#nowDesk {{ color: {ORANGE}; font-size: 60pt; font-weight: bold; }}
QLabel#nowService {{ color: {MUTED}; font-size: 20pt; }}
QLabel#nowEmpty {{ color: {MUTED}; font-size: 32pt; }}
QFrame#recentCard {{ background: {BOARD_CARD}; border-radius: 28px; }}
QLabel#recentCaption {{ color: {ON_BLUE}; font-size: 24pt; font-weight: bold; }}
QLabel#recentNumber {{ font-size: 44pt; font-weight: bold; }}
QLabel#recentDesk {{ color: {BOARD_DESK}; font-size: 30pt; }}
QFrame#recentRow {{ border-bottom: 1px solid {BOARD_LINE}; }}
QLabel#recentEmpty {{ color: {BOARD_MUTED}; font-size: 20pt; }}
QLabel#breakLine {{ color: {BOARD_DESK}; font-size: 20pt; }}
QFrame#waitChip {{ background: {BOARD_CARD}; border-radius: 18px; }}
QLabel#waitPrefix {{ background: {ORANGE}; color: white; font-size: 26pt; font-weight: bold;
    border-radius: 12px; padding: 4px 16px; }}
QLabel#waitName {{ color: {ON_BLUE}; font-size: 16pt; }}
QLabel#waitCount {{ font-size: 34pt; font-weight: bold; }}
QLabel#waitCaption {{ color: {BOARD_MUTED}; font-size: 18pt; font-weight: bold; }}
QLabel#offlineLine {{
    color: {BOARD_OFFLINE_TEXT}; background: {BOARD_DESK}; font-size: 16pt; padding: 6px 20px;
}}
"""

#: the rating screen (sizes for 1920x1080; fit_to_screen scales them)
RATING_SCREEN_SHEET = f"""
RatingScreen, QWidget#ratingPage {{ background: {KIOSK_BACKGROUND}; }}
QLabel {{ color: {TEXT}; }}
QWidget#ratingBanner {{ background: {BLUE}; border-bottom: 6px solid {ORANGE}; }}
QLabel#ratingOffice {{ color: white; font-size: 30pt; font-weight: bold; }}
QLabel#ratingSubtitle {{ color: {ON_BLUE}; font-size: 16pt; }}
QLabel#ratingDesk {{ color: white; font-size: 22pt; font-weight: bold; }}
QLabel#idleTitle {{ color: {BLUE}; font-size: 54pt; font-weight: bold; }}
QLabel#idleOffice {{ color: {TEXT}; font-size: 28pt; font-weight: bold; }}
QLabel#idleHint {{ color: {MUTED}; font-size: 18pt; }}
QLabel#askTitle {{ color: {BLUE}; font-size: 38pt; font-weight: bold; }}
QLabel#askOfficer {{ color: {TEXT}; font-size: 20pt; }}
QLabel#askHint {{ color: {MUTED}; font-size: 18pt; }}
QFrame#questionBox {{ background: white; border: 2px solid {BORDER}; border-radius: 14px; }}
QLabel#questionLabel {{ color: {MUTED}; font-size: 14pt; font-weight: bold; }}
QLabel#questionText {{ color: {TEXT}; font-size: 20pt; }}
QToolButton#faceButton {{
    background: white; border: 3px solid {BORDER}; border-radius: 24px;
    font-size: 20pt; font-weight: bold; color: {TEXT}; padding: 12px;
}}
QToolButton#faceButton:pressed, QToolButton#faceButton:checked {{
    background: {BLUE_LIGHT}; border: 5px solid {BLUE};
}}
QToolButton#faceButton:disabled {{ color: {TEXT}; }}
QPushButton#chipButton {{
    background: white; border: 2px solid {BORDER}; border-radius: 26px;
    font-size: 17pt; padding: 12px 26px; color: {TEXT};
}}
QPushButton#chipButton:checked {{ background: {BLUE}; color: white; border-color: {BLUE_DARK}; }}
QLineEdit#commentEdit {{
    font-size: 20pt; padding: 14px; border: 2px solid {BORDER}; border-radius: 12px;
    background: white;
}}
QPushButton#bigPrimary {{
    background: {BLUE}; color: white; border: none; border-radius: 14px;
    font-size: 20pt; font-weight: bold; padding: 18px 48px;
}}
QPushButton#bigSecondary {{
    background: white; color: {TEXT}; border: 2px solid {BORDER}; border-radius: 14px;
    font-size: 20pt; padding: 18px 48px;
}}
QLabel#thanksTitle {{ color: {FACE_HAPPY}; font-size: 54pt; font-weight: bold; }}
QLabel#thanksText {{ color: {TEXT}; font-size: 24pt; }}
QLabel#statusLine {{
    color: {NOTICE_TEXT}; background: {NOTICE_BACKGROUND}; font-size: 13pt; padding: 8px 16px;
}}
QLabel#noticeLine {{
    color: {BLUE_DARK}; background: {BLUE_LIGHT}; font-size: 12pt; padding: 8px 16px;
}}
QFrame#unlockCard {{ background: white; border: 2px solid {BORDER}; border-radius: 14px; }}
QLabel#unlockTitle {{ font-size: 20pt; font-weight: bold; }}
QLabel#unlockError {{ color: {ERROR}; font-size: 12pt; }}
QLineEdit#unlockField {{ font-size: 14pt; padding: 8px; }}
"""

#: the rating screen's survey (sizes for 1920x1080, scaled with it)
SURVEY_SHEET = f"""
QLabel#surveyName {{ color: {BLUE}; font-size: 17pt; font-weight: bold; }}
QLabel#surveyProgress {{ color: {BLUE}; font-size: 17pt; font-weight: bold; }}
QProgressBar#surveyBar {{ background: {PROGRESS_TRACK}; border: none; border-radius: 5px; }}
QProgressBar#surveyBar::chunk {{ background: {ORANGE}; border-radius: 5px; }}
QLabel#surveyTitle {{ color: {MUTED}; font-size: 17pt; font-weight: bold; }}
QLabel#surveyQuestion {{ color: {TEXT}; font-size: 28pt; font-weight: bold; }}
QLabel#surveyAspect {{ color: {TEXT}; font-size: 19pt; font-weight: bold; }}
QLabel#surveyEnd {{ color: {MUTED}; font-size: 13pt; }}
QLabel#surveyHint {{ color: {MUTED}; font-size: 15pt; }}
QPushButton#answerButton {{
    background: white; border: 3px solid {BORDER}; border-top: 14px solid {BORDER};
    border-radius: 18px; padding: 10px 14px; min-height: 143px; min-width: 180px;
}}
QPushButton#answerButton:pressed, QPushButton#answerButton:checked {{
    background: {BLUE_LIGHT}; border-color: {BLUE};
}}
QLabel#answerText {{ color: {TEXT}; font-size: 20pt; font-weight: bold; background: transparent; }}
QPushButton#scoreButton {{
    background: white; border: 3px solid {BORDER}; border-radius: 16px;
    font-size: 24pt; font-weight: bold; color: {TEXT};
    padding: 0px; min-height: 86px; min-width: 84px;
}}
QPushButton#scoreButton:pressed, QPushButton#scoreButton:checked {{
    background: {BLUE}; color: white; border-color: {BLUE_DARK};
}}
"""


#: the app's text is this much larger than the system's (Windows' 9 pt gives the 10.5 pt the
#: windows were designed with); a larger system text size gives larger text here too
FONT_FACTOR = 7 / 6
DESIGN_POINT_SIZE = 10.5
_SIZE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)\b")


def scale_sheet(sheet: str, factor: float, *, pixels: bool = True) -> str:
    """``sheet`` with every ``pt`` size (and, with ``pixels``, every ``px`` length) times
    ``factor``: a window's style sheet follows the app font or its screen instead of pinning
    sizes.  A 1 px border stays at least 1 px."""

    def scaled(match: re.Match) -> str:
        value, unit = float(match.group(1)), match.group(2)
        if unit == "px" and not pixels:
            return match.group(0)
        new = value * factor
        if unit == "px":
            return f"{max(1 if value else 0, round(new))}px"
        return f"{new:.1f}pt"

    return _SIZE.sub(scaled, sheet)


def font_scale() -> float:
    """The app font against the size the style sheets were written for (10.5 pt): style sheets
    of staff windows pass their ``pt`` sizes through ``scale_sheet(sheet, font_scale(),
    pixels=False)`` so that they follow the system's text size."""
    app = QApplication.instance()
    size = app.font().pointSizeF() if app is not None else -1
    return size / DESIGN_POINT_SIZE if size > 0 else 1.0


_system_point_size: float | None = None


def app_point_size(system_point_size: float) -> float:
    """The app's text size for the system's (to the half point): 9 pt (Windows at 100 %
    text size) gives 10.5 pt, a larger system text size a larger app text."""
    return round(system_point_size * FONT_FACTOR * 2) / 2


def apply_style(app: QApplication) -> None:
    """Fusion with the app palette and style sheet; the same on Windows and Linux.

    Applying it again with nothing changed does nothing: a new style or sheet re-polishes every
    live widget (each UI test applied it, and that was much of the suite's time)."""
    global _system_point_size
    if _system_point_size is None:  # the system's own text size, before ours
        _system_point_size = QFont(app.font()).pointSizeF()
    font = QFont(app.font())
    if _system_point_size > 0:
        font.setPointSizeF(app_point_size(_system_point_size))
    applied = app.property("pstStyleSheet")
    if (
        applied
        and app.styleSheet() == applied
        and app.font() == font
        and app.palette().color(QPalette.ColorRole.Window) == QColor(BACKGROUND)
    ):
        return
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Button, QColor("white"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    app.setPalette(palette)
    app.setFont(font)
    sheet = scale_sheet(STYLE_SHEET, font_scale(), pixels=False)  # after the font: it scales
    app.setStyleSheet(sheet)
    app.setProperty("pstStyleSheet", sheet)
