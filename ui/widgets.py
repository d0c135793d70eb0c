"""Small building blocks every window shares: the office banner, field labels and errors."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import announce_error


class Banner(QWidget):
    """The blue band at the top of a window: the office name big, a subtitle under it, and
    room on the right (``side``) for the signed-in user and a logout button.  In a window
    lower than ``SHORT_WINDOW`` the subtitle steps aside (its rows are the window's)."""

    #: a 1366×768 laptop at 125 % gives a window 614 logical pixels, less a taskbar
    SHORT_WINDOW = 660

    def __init__(self, office_name: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.office_label = QLabel(office_name)
        self.office_label.setObjectName("bannerOffice")
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("bannerSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.office_label)
        titles.addWidget(self.subtitle_label)
        self.side = QHBoxLayout()
        self.side.setSpacing(12)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 18, 32, 18)
        row.addLayout(titles, 1)
        row.addLayout(self.side)
        self._window: QWidget | None = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            window.installEventFilter(self)
            self._window = window
        self._fit(window.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._fit(watched.height())
        return False

    def _fit(self, height: int) -> None:
        self.subtitle_label.setVisible(height >= self.SHORT_WINDOW)


def field_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("fieldLabel")
    label.setBuddy(buddy)
    return label


def field_error() -> QLabel:
    """An error line under one field; hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def set_field_error(field: QLineEdit, label: QLabel, message: str) -> None:
    """Show ``message`` under ``field`` and mark it (an empty message clears both)."""
    label.setText(message)
    label.setVisible(bool(message))
    field.setProperty("invalid", bool(message))
    field.style().unpolish(field)
    field.style().polish(field)
    announce_error(field, message)  # said by a screen reader, not only drawn


class MessageBand(QLabel):
    """A window's message line that keeps its place: shown or hidden, with one line of text or
    ``lines`` lines, it is as tall, so a message never moves the fields under the mouse. (A
    longer message still grows it rather than hide its end.)"""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)

    def reserved_height(self) -> int:
        self.ensurePolished()  # the style sheet's padding and border are contents margins
        margins = self.contentsMargins()
        return (
            self.fontMetrics().lineSpacing() * self.lines
            + margins.top()
            + margins.bottom()
            + 2 * self.margin()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.reserved_height())


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: on a small screen (1280×720 logical) it scrolls
    instead of making the whole window larger than the screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
    area.viewport().setAutoFillBackground(False)
    page.setAutoFillBackground(False)
    return area


class VerticalScrollArea(QScrollArea):
    """``page`` in a frameless area that scrolls up and down only and is never narrower than
    the page's minimum (a plain scroll area without its sideways bar cuts the right edge of
    a page squeezed below it)."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = page.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


class WrappingLabel(QLabel):
    """A word-wrapped label never narrower than its longest word (a plain wrapped label may be
    squeezed until a long word is cut)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        words = self.text().split()
        longest = max((self.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        extra = margins.left() + margins.right() + 2 * self.margin() + 1
        return QSize(max(hint.width(), longest + extra), hint.height())


def breakable(text: str) -> str:
    """``text`` that a word-wrapped label may break inside a long file path too (a zero-width
    space after each ``/`` and ``\\``), so a path never widens the window."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class WrapRow(QLayout):
    """A row of buttons that wraps instead of widening the window: the widgets added before
    ``addStretch()`` sit on the left, those after it on the right; where the width does not
    hold both groups on one line, the right group goes on a line of its own under the left
    one (still at the right), and a group too wide for one line wraps inside itself.  Its
    minimum width is its widest widget, so a row of buttons never makes a window wider than
    a laptop's screen (1366×768 at 125 % = 1093×614 logical pixels)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._split: int | None = None  # index of the first right-hand item
        self._width: int | None = None  # the width it was last given
        self.setContentsMargins(0, 0, 0, 0)

    def __del__(self) -> None:
        while self.takeAt(0) is not None:
            pass

    # -- building ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self) -> None:
        self._split = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        if self._split is not None and index < self._split:
            self._split -= 1
        return self._items.pop(index)

    # -- sizes ------------------------------------------------------------------------------
    def _spacing(self) -> int:
        spacing = self.spacing()
        if spacing < 0:
            parent = self.parentWidget()
            style = parent.style() if parent is not None else QApplication.style()
            spacing = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return max(spacing, 6)

    def _groups(self) -> tuple[list[QLayoutItem], list[QLayoutItem]]:
        shown = [item for item in self._items if not item.isEmpty()]
        split = len(self._items) if self._split is None else self._split
        left = [item for item in self._items[:split] if item in shown]
        right = [item for item in self._items[split:] if item in shown]
        return left, right

    def _wide(self, items: list[QLayoutItem]) -> int:
        spacing = self._spacing()
        return sum(i.sizeHint().width() for i in items) + spacing * max(len(items) - 1, 0)

    def _lines(self, width: int) -> list[tuple[list[QLayoutItem], list[QLayoutItem]]]:
        """The lines for ``width``, each as (items at the left, items at the right)."""
        left, right = self._groups()
        if not left and not right:
            return []
        if self._wide(left) + self._wide(right) + self._gap(left, right) <= width:
            return [(left, right)]
        lines: list[tuple[list[QLayoutItem], list[QLayoutItem]]] = []
        for group, at_right in ((left, False), (right, True)):
            line: list[QLayoutItem] = []
            for item in group:
                if line and self._wide([*line, item]) > width:
                    lines.append(([], line) if at_right else (line, []))
                    line = []
                line.append(item)
            if line:
                lines.append(([], line) if at_right else (line, []))
        return lines

    def _gap(self, left: list[QLayoutItem], right: list[QLayoutItem]) -> int:
        return self._spacing() if left and right else 0

    def _height(self, lines: list[tuple[list[QLayoutItem], list[QLayoutItem]]]) -> int:
        heights = [max(i.sizeHint().height() for i in a + b) for a, b in lines]
        return sum(heights) + self._spacing() * max(len(heights) - 1, 0)

    def _height_at(self, width: int | None) -> int:
        """The row's height at ``width`` (None: all on one line)."""
        margins = self.contentsMargins()
        inner = 1 << 20 if width is None else width - margins.left() - margins.right()
        return self._height(self._lines(inner)) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        left, right = self._groups()
        width = self._wide(left) + self._wide(right) + self._gap(left, right)
        return QSize(width + margins.left() + margins.right(), self._height_at(self._width))

    def minimumSize(self) -> QSize:
        # (as tall as the lines at the width it was given: no height-for-width, which would
        # make a scrolled page as tall as its preferred size)
        margins = self.contentsMargins()
        shown = [item for item in self._items if not item.isEmpty()]
        width = max((i.sizeHint().width() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), self._height_at(self._width))

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if rect.width() != self._width:
            before = self._height_at(self._width)
            self._width = rect.width()
            if self._height_at(self._width) != before:
                self.invalidate()  # one line more or less: the parent lays out again
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.top()
        for left, right in self._lines(area.width()):
            height = max(i.sizeHint().height() for i in left + right)
            self._place(left, area.left(), y, height)
            self._place(right, area.right() + 1 - self._wide(right), y, height)
            y += height + self._spacing()

    def _place(self, items: list[QLayoutItem], x: int, y: int, height: int) -> None:
        for item in items:
            hint = item.sizeHint()
            item.setGeometry(
                QRect(x, y + (height - hint.height()) // 2, hint.width(), hint.height())
            )
            x += hint.width() + self._spacing()


class ChoiceBox(QComboBox):
    """A combo box never narrower than its longest choice, so a choice once picked reads
    whole ("Kementerian & Lembaga Pemerintah", not "Kementerian & Lembaga Pem…").  A choice
    that cannot be picked (a disabled item) widens it only while it is the current one.  Put
    one with long choices where it may take a whole row (``FieldRows``) rather than let it
    make the window wider than the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (Qt's own least width: the frame and the arrow around no text; the text is added)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(0)
        self._longest = 0  # the longest choice the layout was last told about
        self._watch(self.model())
        self.currentIndexChanged.connect(self._choices_changed)

    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        self._watch(model)
        self._choices_changed()

    def _watch(self, model: QAbstractItemModel) -> None:
        """Choices added, removed, renamed or disabled: the layout hears of a new width (Qt
        tells it only in its AdjustToContents mode, which measures disabled choices too)."""
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._choices_changed)

    def _choices_changed(self, *_args) -> None:
        longest = self.longest_choice()
        if longest != self._longest:
            self._longest = longest
            self.updateGeometry()

    def _pickable(self, row: int) -> bool:
        model = self.model()
        index = model.index(row, self.modelColumn(), self.rootModelIndex())
        return bool(model.flags(index) & Qt.ItemFlag.ItemIsEnabled)

    def longest_choice(self) -> int:
        """The width, in pixels, of the widest choice that can be shown in the box."""
        metrics = self.fontMetrics()
        widest = 0
        for row in range(self.count()):
            if row != self.currentIndex() and not self._pickable(row):
                continue
            width = metrics.horizontalAdvance(self.itemText(row))
            if not self.itemIcon(row).isNull():
                width += self.iconSize().width() + 4
            widest = max(widest, width)
        return widest

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self.longest_choice(), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), hint.height())


class FieldRows(QLayout):
    """A form's fields two to a row, in the order they were added, each half the row wide; a
    field added ``whole``, or one whose least width is more than half the row (a choice list
    with a long option, a long label), takes a row of its own.  Its minimum width is its
    widest field: where the form is narrow (1366×768 at 125 % = 1093×614 logical pixels) more
    fields take whole rows instead of a long choice being cut or the window growing."""

    def __init__(
        self, parent: QWidget | None = None, column_spacing: int = 14, row_spacing: int = 2
    ) -> None:
        super().__init__(parent)
        self._items: list[tuple[QLayoutItem, bool]] = []
        self._whole_next = False
        self._width: int | None = None  # the width it was last given
        self.column_spacing = column_spacing
        self.setSpacing(row_spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def __del__(self) -> None:
        while self.takeAt(0) is not None:
            pass

    # -- building ---------------------------------------------------------------------------
    def add_field(self, widget: QWidget, whole: bool = False) -> None:
        """``widget`` (a field with its label) next in order; ``whole``: always a row of its
        own."""
        self._whole_next = whole
        try:
            self.addWidget(widget)
        finally:
            self._whole_next = False

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append((item, self._whole_next))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index][0] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        return self._items.pop(index)[0]

    # -- rows -------------------------------------------------------------------------------
    def rows(self, width: int) -> list[tuple[list[QLayoutItem], bool]]:
        """The rows at ``width`` (inside the margins), each as (its fields, whole row)."""
        half = (width - self.column_spacing) // 2
        rows: list[tuple[list[QLayoutItem], bool]] = []
        pair: list[QLayoutItem] | None = None  # a half row with room on its right
        for item, whole in self._items:
            if item.isEmpty():
                continue
            if whole or item.minimumSize().width() > half:
                rows.append(([item], True))
                pair = None
            elif pair is not None:
                pair.append(item)
                pair = None
            else:
                pair = [item]
                rows.append((pair, False))
        return rows

    def _columns(self, width: int, whole: bool) -> list[tuple[int, int]]:
        """(x offset, width) of a row's fields."""
        if whole:
            return [(0, width)]
        half = (width - self.column_spacing) // 2
        return [(0, half), (half + self.column_spacing, width - half - self.column_spacing)]

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        height = item.heightForWidth(width) if item.hasHeightForWidth() else -1
        if height < 0:
            height = item.sizeHint().height()
        return max(height, item.minimumSize().height())

    def _row_heights(self, width: int) -> list[tuple[list[QLayoutItem], bool, int]]:
        rows = []
        for items, whole in self.rows(width):
            columns = zip(items, self._columns(width, whole), strict=False)
            height = max(self._height(item, w) for item, (_x, w) in columns)
            rows.append((items, whole, height))
        return rows

    def _height_at(self, width: int | None) -> int:
        """The fields' height at ``width`` (None: at the preferred width)."""
        margins = self.contentsMargins()
        if width is None:
            width = self._preferred_width()
        inner = width - margins.left() - margins.right()
        heights = [height for _items, _whole, height in self._row_heights(inner)]
        spacing = self.spacing() * max(len(heights) - 1, 0)
        return sum(heights) + spacing + margins.top() + margins.bottom()

    # -- sizes ------------------------------------------------------------------------------
    def _preferred_width(self) -> int:
        margins = self.contentsMargins()
        halves = [i.sizeHint().width() for i, whole in self._items if not whole and not i.isEmpty()]
        wholes = [i.sizeHint().width() for i, whole in self._items if whole and not i.isEmpty()]
        width = max(
            2 * max(halves, default=0) + self.column_spacing * bool(halves),
            max(wholes, default=0),
        )
        return width + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        return QSize(self._preferred_width(), self._height_at(self._width))

    def minimumSize(self) -> QSize:
        # (as tall as the rows at the width it was given: no height-for-width, which would
        # make a scrolled page as tall as its preferred size)
        margins = self.contentsMargins()
        shown = [item for item, _whole in self._items if not item.isEmpty()]
        width = max((i.minimumSize().width() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), self._height_at(self._width))

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if rect.width() != self._width:
            before = self._height_at(self._width)
            self._width = rect.width()
            if self._height_at(self._width) != before:
                self.invalidate()  # rows paired or split: the parent lays out again
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.top()
        for items, whole, height in self._row_heights(area.width()):
            for item, (x, width) in zip(items, self._columns(area.width(), whole), strict=False):
                item_height = min(self._height(item, width), height)
                item.setGeometry(QRect(area.left() + x, y, width, item_height))
            y += height + self.spacing()


class _ColumnFit(QObject):
    """Watches one table and its header (see ``fit_columns``)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        self.widths: dict[int, int] = {}  # the widths the window asked for
        self.stretched = {
            column
            for column in range(header.count())
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
        }
        header.installEventFilter(self)
        table.viewport().installEventFilter(self)
        if table.model() is not None:  # (a translated title is measured again)
            table.model().headerDataChanged.connect(lambda _o, _first, _last: self.fit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange) or (
            kind == QEvent.Type.Resize and watched is self.table.viewport()
        ):
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode
        fixed = 0
        stretched: list[int] = []
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            needed = header.sectionSizeHint(column)  # the title, in the font the style draws
            if column in self.stretched:
                stretched.append(needed)
                continue
            resize = header.sectionResizeMode(column)
            if resize in (mode.Interactive, mode.Fixed):
                wanted = self.widths.setdefault(column, header.sectionSize(column))
                if header.sectionSize(column) < max(wanted, needed):
                    header.resizeSection(column, max(wanted, needed))
            elif resize == mode.ResizeToContents and header.sectionSize(column) < needed:
                header.setSectionResizeMode(column, mode.ResizeToContents)  # measured again
                header.resizeSection(column, needed)
            fixed += max(header.sectionSize(column), needed)
        if not stretched:
            return
        # stretched columns share what is left equally; where that is less than a title
        # needs, they keep their titles' widths and the table scrolls sideways instead
        room = self.table.viewport().width() - fixed
        squeezed = room < len(stretched) * max(stretched)
        for column in self.stretched:
            if squeezed:
                if header.sectionResizeMode(column) == mode.Stretch:
                    header.setSectionResizeMode(column, mode.Interactive)
                header.resizeSection(column, max(stretched))
            elif header.sectionResizeMode(column) != mode.Stretch:
                header.setSectionResizeMode(column, mode.Stretch)


def fit_columns(table: QTableView) -> None:
    """A table's column titles always show whole, in either language and whatever the text
    size: a column of a given width is widened to its title, a column sized to its contents
    is measured again once the style sheet applies (a title measured before the style draws
    it bold is cut: "Standar SOF"), and stretched columns too narrow for their titles keep
    the titles' widths while the table scrolls sideways.  Call it once the table's model,
    widths and resize modes are set."""
    fitter = table.findChild(_ColumnFit)
    if fitter is None:
        fitter = _ColumnFit(table)
    fitter.fit()
