"""The live day (supervisor): tiles, charts and tables over ``live_day.today_summary``.

The summary is computed on the widget's reader thread (``ui.readers.BackgroundReader``), on every
change any station makes (the window's ``ChangeWatcher``) and every 30 s; the widget only applies
the plain result, so the window never stalls.  A read that fails goes the window's one way
(``ui.calls.ServiceCalls.read_failed``): a lost connection to the status line and the band.
"""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

import peewee as pw
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ServiceError, first_line
from pst_desktop.db.startup import connection_reason
from pst_desktop.reporting.fair_queue import DeskTime
from pst_desktop.reporting.today import DeskNow, StandardToday, TodaySummary, today_summary
from pst_desktop.visits.desk_state import DeskStatus
from ui.calls import ServiceCalls, refusal_text
from ui.readers import BackgroundReader
from ui.style import (
    ALERT,
    BLUE,
    LIVE_DAY_SHEET,
    OK_BACKGROUND,
    OK_GREEN,
    ORANGE,
    font_scale,
    scale_sheet,
)
from ui.tables import Column, RowsModel
from ui.widgets import fit_columns

REFRESH_MS = 30_000
GREEN, RED = OK_GREEN, ALERT

STYLE = LIVE_DAY_SHEET  # (ui.style)


class Tile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.detail = QLabel()
        self.detail.setObjectName("tileDetail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_value(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.value.setProperty("alert", alert)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


def _chart_view(title: str) -> tuple[QChartView, QChart]:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(10)
    chart.setTitleFont(font)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(8)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(180)
    return view, chart


def _reset(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def integer_axis(top: float) -> tuple[int, int]:
    """A count axis from 0 to at least ``top`` with whole ticks: (highest, step), the step
    1, 2 or 5 times a power of ten, at most 8 steps (0,1,2,…; never 0, 1.2, 2.4 drawn as
    0,1,2,3,4,6)."""
    top = max(1.0, float(top))
    step = 1
    while top / step > 8:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 …
            step = int(step * factor)
            if top / step <= 8:
                break
    return step * math.ceil(top / step), step


class LiveDayWidget(QWidget):
    """Today at a glance; ``refresh()`` recomputes off the GUI thread; ``updated`` after each;
    ``connection_trouble(exc)`` when the database did not answer (the window's band)."""

    updated = Signal(object)  # TodaySummary
    connection_trouble = Signal(object)

    def __init__(
        self,
        db: pw.Database,
        office_id: int,
        clock: Clock,
        calls: ServiceCalls,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveDay")
        self.office_id, self.clock, self.calls = office_id, clock, calls
        self.summary: TodaySummary | None = None
        self._states: dict[int, DeskStatus] = {}  # each desk's state now, by desk id
        self._times: dict[int, DeskTime] = {}  # each desk's time per state today
        self._closed = False
        # a burst of changes from the other PCs computes the day once
        self.reader = BackgroundReader(db, self, skip_superseded=True)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self._build()
        self._connect_signals()

    # == building ======================================================================
    def _build(self) -> None:
        self.tiles = {
            "waiting": Tile(self.tr("Waiting")),
            "longest": Tile(self.tr("Longest wait")),
            "in_service": Tile(self.tr("At a desk")),
            "done": Tile(self.tr("Done")),
            "no_shows": Tile(self.tr("No-shows")),
            "average_wait": Tile(self.tr("Average wait")),
            "average_service": Tile(self.tr("Average service")),
            "ratings": Tile(self.tr("Ratings so far")),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self.waiting_view, self.waiting_chart = _chart_view(self.tr("Waiting per service"))
        self.rating_view, self.rating_chart = _chart_view(self.tr("Ratings today"))
        self.standards_view, self.standards_chart = _chart_view(
            self.tr("SOP standards met today (%)")
        )
        charts = QHBoxLayout()
        charts.setSpacing(8)
        charts.addWidget(self.waiting_view, 4)
        charts.addWidget(self.standards_view, 4)
        charts.addWidget(self.rating_view, 3)

        self.desk_model = RowsModel(
            [
                Column(self.tr("Desk"), lambda d: d.name, 75, bold=True),
                Column(self.tr("Now"), self._desk_now, 90),
                Column(self.tr("Ticket"), lambda d: d.code, 60, centre=True),
                Column(self.tr("Officer"), lambda d: d.officer),
                Column(self.tr("Since"), self._since, 55, centre=True),
                Column(self.tr("Served"), lambda d: str(d.served), 60, centre=True),
            ],
            background=lambda d: OK_BACKGROUND if d.status == "serving" else None,
            tooltip=self._desk_tip,
        )
        self.desk_table = self._table(self.desk_model)
        self.standards_model = RowsModel(
            [
                Column(self.tr("SOP standard"), self._standard_name, bold=True),
                Column(self.tr("Met"), self._met_text, 65, centre=True),
                Column(self.tr("%"), self._percent_text, 45, centre=True),
                Column(self.tr("Running"), lambda s: str(s.running), 65, centre=True),
            ],
            foreground=lambda s: RED if s.percent is not None and s.percent < 80 else None,
        )
        self.standards_table = self._table(self.standards_model)
        self.online_model = RowsModel(
            [
                Column(self.tr("Opened"), lambda o: self._local(o.opened_at), 90),
                Column(self.tr("Due"), lambda o: self._local(o.due), 90, bold=True),
                Column(self.tr("From"), lambda o: o.visitor_name or o.contact),
                Column(self.tr("Officer"), lambda o: o.officer, 95),
            ],
            foreground=lambda _o: RED,
        )
        self.online_table = self._table(self.online_model)
        self.online_title = QLabel(self.tr("Overdue online consultations"))
        self.online_title.setObjectName("panelTitle")

        tables = QHBoxLayout()
        tables.setSpacing(8)
        tables.addWidget(self._panel(self.tr("Desks now"), self.desk_table), 4)
        tables.addWidget(self._panel(self.tr("SOP standards today"), self.standards_table), 4)
        online = self._panel(None, self.online_table, self.online_title)
        tables.addWidget(online, 4)

        # the day's priority service and the rule's effect
        self.fair_line = QLabel()
        self.fair_line.setObjectName("liveStatus")
        self.fair_line.setWordWrap(True)
        self.desk_time_line = QLabel()  # each desk's time open, on a break, closed today
        self.desk_time_line.setObjectName("liveStatus")
        self.desk_time_line.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("liveStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(tiles)
        layout.addLayout(charts, 5)
        layout.addLayout(tables, 4)
        layout.addWidget(self.desk_time_line)
        layout.addWidget(self.fair_line)
        layout.addWidget(self.status)

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        for column, spec in enumerate(model.columns):
            if spec.width:  # fit the (translated) header and the figures
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
                header.setMinimumSectionSize(min(spec.width, 48))
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(26)
        fit_columns(table)  # titles whole in either language
        return table

    def _panel(self, title: str | None, table: QTableView, label: QLabel | None = None) -> QFrame:
        panel = QFrame()
        panel.setObjectName("panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        if label is None:
            label = QLabel(title or "")
            label.setObjectName("panelTitle")
        table.setAccessibleName(label.text())  # the panel's title names its table (item 10)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return panel

    def _connect_signals(self) -> None:
        self.reader.finished.connect(self._ready)
        self.reader.failed.connect(self._failed)
        self.timer.timeout.connect(self.refresh)

    # == texts =========================================================================
    def _desk_status(self, desk: DeskNow) -> str:
        return {
            "": self.tr("free"),
            "called": self.tr("called"),
            "serving": self.tr("serving"),
        }.get(desk.status, desk.status)

    def _desk_state(self, desk: DeskNow) -> str:
        """The desk's state now: open, on a break until its return (and why), closed."""
        status = self._states.get(desk.desk_id)
        if status is None:
            return ""
        if status.state.value == "break":  # its return and reason in the row's tip
            return self.tr("on a break")
        if status.state.value == "closed":
            return self.tr("closed by itself") if status.automatic else self.tr("closed")
        return self.tr("open")

    def _desk_tip(self, desk: DeskNow) -> str:
        """A break's reason and who set the state."""
        status = self._states.get(desk.desk_id)
        if status is None or status.state.value != "break":
            return ""
        return self.tr("On a break until {time}: {reason} (set by {who})").format(
            time=self._local(status.expected_back) or "–",
            reason=status.reason,
            who=status.set_by or "–",
        )

    def _desk_now(self, desk: DeskNow) -> str:
        """What the desk does now: its ticket's stage while open (free, called, serving),
        else its state (on a break until…, closed)."""
        status = self._states.get(desk.desk_id)
        if status is None or status.state.value == "open" or desk.status:
            return self._desk_status(desk)
        return self._desk_state(desk)

    @staticmethod
    def _clock(span: dt.timedelta) -> str:
        minutes = int(span.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"

    def desk_time_text(self, summary: TodaySummary) -> str:
        """Each desk's time today so far (h:mm): open, on a break, closed."""
        parts = [
            self.tr("{desk} open {open}, break {breaks}, closed {closed}").format(
                desk=t.name,
                open=self._clock(t.open),
                breaks=self._clock(t.on_break),
                closed=self._clock(t.closed),
            )
            for t in summary.desk_times
        ]
        return self.tr("Desk time today: {desks}").format(desks=" · ".join(parts)) if parts else ""

    def fair_text(self, summary: TodaySummary) -> str:
        """The day's priority service in one line: share, waits by class, the rule's effect."""
        fair = summary.fair_queue
        if fair is None or not fair.issued:
            return self.tr("Priority service today: no tickets yet")

        def minutes(value: float | None) -> str:
            return "–" if value is None else self.tr("{n} min").format(n=round(value))

        share = fair.priority_percent or 0.0
        return self.tr(
            "Priority service today: {p} of {n} tickets ({share}%) · wait to call, median / p90: "
            "normal {nm} / {n90}, priority {pm} / {p90} · went ahead {jumps}, normal turns "
            "{turns}, normal past the limit {waited} · assisted calls {assisted}"
        ).format(
            p=fair.priority,
            n=fair.issued,
            share=f"{share:.0f}",
            nm=minutes(fair.normal.median),
            n90=minutes(fair.normal.p90),
            pm=minutes(fair.first.median),
            p90=minutes(fair.first.p90),
            jumps=fair.jumps,
            turns=fair.turns,
            waited=fair.waited,
            assisted=fair.assisted,
        )

    def _local(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.astimezone(self._zone)
        if self.summary is not None and local.date() == self.summary.day:
            return local.strftime("%H:%M")
        return local.strftime("%d/%m %H:%M")

    def _since(self, desk: DeskNow) -> str:
        return self._local(desk.since) if desk.since else ""

    def _standard_name(self, standard: StandardToday) -> str:
        return {
            "registration": self.tr("Registration ≤ 10 min"),
            "service": self.tr("Service ≤ 3 h"),
            "rating": self.tr("Rating ≤ 5 min"),
            "online_first_answer": self.tr("Online first answer ≤ 3 working days"),
        }.get(standard.key, standard.key)

    def _short_standard(self, key: str) -> str:
        return {
            "registration": self.tr("Registration"),
            "service": self.tr("Service"),
            "rating": self.tr("Rating"),
            "online_first_answer": self.tr("Online answer"),
        }.get(key, key)

    @staticmethod
    def _met_text(standard: StandardToday) -> str:
        return f"{standard.met} / {standard.measured}"

    @staticmethod
    def _percent_text(standard: StandardToday) -> str:
        return "–" if standard.percent is None else f"{standard.percent:.0f}"

    def duration(self, span: dt.timedelta | None) -> str:
        if span is None:
            return "–"
        minutes = int(span.total_seconds() // 60)
        if minutes < 60:
            return self.tr("{n} min").format(n=minutes)
        return self.tr("{h} h {m} min").format(h=minutes // 60, m=f"{minutes % 60:02d}")

    # == refreshing ====================================================================
    def start(self) -> None:
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._closed:
            return
        office_id, clock = self.office_id, self.clock
        self.reader.submit(lambda: today_summary(office_id, clock))

    def _ready(self, summary: TodaySummary) -> None:
        if not self._closed:
            self.apply(summary)

    def _failed(self, exc: Exception) -> None:
        if not self._closed:
            self.calls.read_failed("live day", exc, on_lost=self._lost, on_refused=self._not_read)

    def _not_read(self, exc: ServiceError) -> None:
        self.status.setToolTip("")
        self.status.setText(
            self.tr("Today's figures could not be read ({reason}); retrying.").format(
                reason=refusal_text(exc)
            )
        )

    def _lost(self, exc: Exception) -> None:
        """The database did not answer: said here, the band shows, and the figures are read
        again when it is back (the window's ``refresh``)."""
        self.status.setText(
            self.tr("Today's figures could not be read ({reason}); retrying.").format(
                reason=connection_reason(exc)
            )
        )
        self.status.setToolTip(first_line(exc))  # the driver's words, for the office IT
        self.connection_trouble.emit(exc)

    def shutdown(self) -> None:
        self._closed = True
        self.timer.stop()
        self.reader.cancel()
        self.reader.wait(5000)

    # == showing =======================================================================
    @property
    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.summary.time_zone if self.summary else "Asia/Jakarta")

    def apply(self, summary: TodaySummary) -> None:
        self.summary = summary
        t = self.tiles
        t["waiting"].show_value(
            str(summary.waiting_total), self.tr("{n} tickets today").format(n=summary.issued)
        )
        long_wait = summary.longest_wait is not None and summary.longest_wait.total_seconds() > 1800
        t["longest"].show_value(
            self.duration(summary.longest_wait), summary.longest_wait_code, alert=long_wait
        )
        t["in_service"].show_value(
            str(summary.in_service),
            self.tr("{n} desks").format(n=len(summary.desks)),
        )
        t["done"].show_value(str(summary.done))
        t["no_shows"].show_value(
            str(summary.no_shows), self.tr("{n} cancelled").format(n=summary.cancelled)
        )
        t["average_wait"].show_value(self.duration(summary.average_wait))
        t["average_service"].show_value(self.duration(summary.average_service))
        ratings = summary.ratings
        t["ratings"].show_value(
            "–" if ratings.average is None else f"{ratings.average:.2f}".replace(".", ","),
            self.tr("{n} ratings, scale 1–{max}").format(n=ratings.count, max=ratings.scale_max),
        )
        self._states = {s.desk_id: s for s in summary.desk_states}
        self._times = {t.desk_id: t for t in summary.desk_times}
        self.desk_model.set_rows(summary.desks)
        self.fair_line.setText(self.fair_text(summary))
        self.desk_time_line.setText(self.desk_time_text(summary))
        self.desk_time_line.setVisible(bool(summary.desk_times))
        self.standards_model.set_rows(summary.standards)
        self.online_model.set_rows(summary.overdue_online)
        self.online_title.setText(
            self.tr("Overdue online consultations: {n}").format(n=len(summary.overdue_online))
        )
        self._draw_waiting(summary)
        self._draw_ratings(summary)
        self._draw_standards(summary)
        local = summary.taken_at.astimezone(self._zone)
        state = self.tr("open") if summary.is_open else self.tr("closed")
        self.status.setText(
            self.tr(
                "Updated {time} · the desk is {state} · updates by itself on every change"
            ).format(time=local.strftime("%H:%M:%S"), state=state)
        )
        self.updated.emit(summary)

    def _bar_chart(
        self, chart: QChart, labels: list[str], values: list[float], colour: str, top: float
    ) -> None:
        _reset(chart)
        bars = QBarSet("")
        bars.setColor(QColor(colour))
        bars.setBorderColor(QColor(colour))
        bars.append(values)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        highest, step = integer_axis(top)  # whole ticks: a bar of 5 reads 5
        axis_y.setRange(0, highest)
        axis_y.setLabelFormat("%d")
        axis_y.setTickCount(highest // step + 1)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)

    def _draw_waiting(self, summary: TodaySummary) -> None:
        labels = [w.prefix for w in summary.waiting]
        values = [float(w.waiting) for w in summary.waiting]
        top = max([4.0, *values]) * 1.2
        self._bar_chart(self.waiting_chart, labels, values, BLUE, round(top + 0.5))
        self.waiting_view.setToolTip(
            "\n".join(f"{w.prefix} · {w.name}: {w.waiting}" for w in summary.waiting)
        )

    def _draw_ratings(self, summary: TodaySummary) -> None:
        dist = summary.ratings.distribution
        labels = [str(score) for score, _ in dist]
        values = [float(count) for _, count in dist]
        top = max([4.0, *values]) * 1.2
        self._bar_chart(self.rating_chart, labels, values, ORANGE, round(top + 0.5))

    def _draw_standards(self, summary: TodaySummary) -> None:
        chart = self.standards_chart
        _reset(chart)
        bars = QBarSet("")
        bars.setColor(QColor(GREEN))
        bars.setBorderColor(QColor(GREEN))
        items = list(reversed(summary.standards))
        bars.append([float(round(s.percent)) if s.percent is not None else 0.0 for s in items])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([self._short_standard(s.key) for s in items])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d")
        axis_x.setTickCount(6)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
