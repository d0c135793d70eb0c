"""The office day: the built program, one process per station, on PostgreSQL, on real windows.

    python tools/office_day.py                      # dist/pst-desktop, >= 15 minutes, 60 visits
    python tools/office_day.py --program source --minutes 4 --visits 12     # a quick try

Each station is its own PC: its own X server (Xvfb, or Xorg's dummy driver where the PC has two
monitors), its own window manager (openbox), home folder, settings, log folder and process:

| station     | screen(s)                                   | runs                          |
| ----------- | ------------------------------------------- | ----------------------------- |
| reception   | 1366x768                                    | staff app, receptionist       |
| officer1    | 1366x768 desk + 1920x1080 visitor monitor   | staff app, officer, desk 1    |
| officer2    | 1366x768 desk + 1920x1080 visitor monitor   | staff app, officer, desk 2    |
| board       | 1366x768 TV                                 | ``display``                   |
| kiosk       | 1366x768 touch screen                       | ``rating --desk 2``           |
| backoffice  | 1920x1080 at 125 %                          | admin, then supervisor        |

The script drives the real program: keys and clicks go through the X server with xdotool (so
shortcuts, focus and the window manager work as for a person), fields are filled and read
through the program's automation hook (``ui/automation.py``, on only when ``PST_AUTOMATION`` is
set). The stations share one training clock (``PST_CLOCK_OFFSET_SECONDS``): Tuesday
24 November 2026 from 08:00 WIB, running at its real pace. Tickets print to the CUPS queue
``PST_Tickets`` (cups-pdf; ``tools/setup_cups_printer.sh``).

It plays new and returning visitors, tickets printed, both officers pressing F2 at the same
moment, records typed, finishes, ratings and survey answers tapped on the visitor screens (the
admin turns the IKM and SKD survey on first; officer monitors and the
kiosk), an appointment booked and checked in, a transfer, a no-show, running text on the board
and one PostgreSQL restart mid-day. At the end it checks: every process alive, no traceback in
any log, the database agrees with what the script did, every ticket arrived as a PDF of the
ticket's page size; it prints RSS per station at start and end and saves a screenshot of every
station (``<out>/shots``). Exit status 0 only when every check passed.

Two monitors on one PC under X: Xvfb's RandR cannot add monitors (``xrandr --setmonitor`` is
accepted and ignored, seen with Xvfb 21.1 / xrandr 1.5.1), and ``Xvfb +xinerama`` shows Qt one
screen. ``--setmonitor`` on Xorg's dummy driver does give Qt two screens, but the pointer stays
inside the one output's area, so a tap on the visitor monitor never arrives. What works
(``Display.start``): Xorg with the dummy driver (``xserver-xorg-video-dummy``, which has outputs
DUMMY0..15), a mode of each monitor's exact size (``xrandr --newmode 1366x768_pst …``,
``--addmode DUMMY0 …``), then ``xrandr --fb 3286x1080 --output DUMMY0 --mode 1366x768_pst --pos
0x0 --output DUMMY1 --mode 1920x1080_pst --pos 1366x0``: Qt sees screens DUMMY0 and DUMMY1,
and xdotool reaches both.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgresql://postgres@127.0.0.1:5432"
DB_NAME = "pst_office_day"
PRINTER = "PST_Tickets"
PASSWORD = "office-day-2026"
WIB = dt.timezone(dt.timedelta(hours=7))
DAY_START = dt.datetime(2026, 11, 24, 8, 0, tzinfo=WIB)  # a Tuesday, no holiday
TICKET_WIDTH_PT = 80 / 25.4 * 72  # 80 mm roll

XORG_CONF = """Section "ServerFlags"
  Option "AutoAddDevices" "false"
  Option "AutoAddGPU" "false"
  Option "DontVTSwitch" "true"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual {width} {height}
  EndSubSection
EndSection
"""


class DayFailed(Exception):
    """The day cannot go on (a station died, a window never came)."""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- PCs: an X server, a window manager, xdotool -------------------------------------------------


@dataclass
class Display:
    number: int
    monitors: list[tuple[str, int, int]]  # name, width, height, left to right
    folder: Path
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f":{self.number}"

    @property
    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.name}

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        width = sum(m[1] for m in self.monitors)
        height = max(m[2] for m in self.monitors)
        out = open(self.folder / f"x{self.number}.log", "w")  # noqa: SIM115 (kept open)
        if len(self.monitors) == 1:
            command = [
                "Xvfb",
                self.name,
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ]
        else:
            conf = self.folder / f"xorg{self.number}.conf"
            conf.write_text(XORG_CONF.format(width=width, height=height))
            command = [
                "Xorg",
                self.name,
                "-noreset",
                "-nolisten",
                "tcp",
                "-config",
                str(conf),
                "-logfile",
                str(self.folder / f"xorg{self.number}.log"),
            ]
        self.processes.append(subprocess.Popen(command, stdout=out, stderr=out))
        for _ in range(100):
            if self.run(["xdpyinfo"], check=False).returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise DayFailed(f"X server {self.name} did not start ({' '.join(command)})")
        if len(self.monitors) > 1:
            # one RandR output per monitor, each with a mode of the monitor's exact size; the
            # pointer can then reach every monitor (RandR keeps it inside the outputs' areas)
            layout: list[str] = ["xrandr", "--fb", f"{width}x{height}"]
            x = 0
            for i, (_name, w, h) in enumerate(self.monitors):
                mode = f"{w}x{h}_pst"
                htotal, vtotal = w + 160, h + 30
                clock = f"{htotal * vtotal * 60 / 1e6:.2f}"
                self.run(
                    [
                        "xrandr",
                        "--newmode",
                        mode,
                        clock,
                        str(w),
                        str(w + 48),
                        str(w + 80),
                        str(htotal),
                        str(h),
                        str(h + 3),
                        str(h + 8),
                        str(vtotal),
                    ]
                )
                self.run(["xrandr", "--addmode", f"DUMMY{i}", mode])
                layout += ["--output", f"DUMMY{i}", "--mode", mode, "--pos", f"{x}x0"]
                x += w
            self.run(layout)
            listed = self.run(["xrandr", "--listmonitors"]).stdout
            if listed.count("DUMMY") < len(self.monitors):
                raise DayFailed(f"{self.name}: the monitors were not made:\n{listed}")
        wm_out = open(self.folder / f"openbox{self.number}.log", "w")  # noqa: SIM115
        self.processes.append(
            subprocess.Popen(
                ["openbox", "--sm-disable"],
                env={**os.environ, **self.env},
                stdout=wm_out,
                stderr=wm_out,
            )
        )
        time.sleep(0.5)

    def run(self, command: list[str], check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            command, env={**os.environ, **self.env}, capture_output=True, text=True, timeout=30
        )
        if check and done.returncode != 0:
            raise DayFailed(f"{self.name}: {' '.join(command)}: {done.stderr.strip()}")
        return done

    def key(self, *keys: str) -> None:
        self.run(["xdotool", "key", "--clearmodifiers", *keys])

    def click(self, x: int, y: int) -> None:
        self.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"])

    def type_text(self, text: str) -> None:
        self.run(["xdotool", "type", "--delay", "8", "--clearmodifiers", text])

    def screenshot(self, path: Path) -> None:
        self.run(["import", "-window", "root", str(path)])

    def stop(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)


# --- stations: the program on a PC, and its automation hook --------------------------------------


@dataclass
class Station:
    name: str
    display: Display
    args: list[str]
    settings: dict[str, dict[str, str]]
    folder: Path
    program: list[str]
    env_extra: dict[str, str]
    process: subprocess.Popen | None = None
    rss_start_kb: int = 0
    _socket: socket.socket | None = None
    _reader: object | None = None

    @property
    def hook_path(self) -> Path:
        return self.folder / "hook.sock"

    @property
    def log_dir(self) -> Path:
        return self.folder / "logs"

    def write_settings(self) -> None:
        config = self.folder / "config" / "BPS"
        config.mkdir(parents=True, exist_ok=True)
        lines = []
        for section, values in self.settings.items():
            lines.append(f"[{section}]")
            lines.extend(f"{key}={value}" for key, value in values.items())
            lines.append("")
        (config / "PST Desktop.conf").write_text("\n".join(lines))

    def start(self, clock_offset: float) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(exist_ok=True)
        self.write_settings()
        home = self.folder / "home"
        home.mkdir(exist_ok=True)
        env = {
            **os.environ,
            **self.display.env,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_DATA_HOME": str(self.folder / "data"),
            "XDG_CACHE_HOME": str(self.folder / "cache"),
            "XDG_RUNTIME_DIR": str(self.folder / "run"),
            "PST_LOG_DIR": str(self.log_dir),
            "PST_AUTOMATION": str(self.hook_path),
            "PST_CLOCK_OFFSET_SECONDS": f"{clock_offset:.3f}",
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONFAULTHANDLER": "1",
            **self.env_extra,
        }
        (self.folder / "run").mkdir(exist_ok=True, mode=0o700)
        for key in ("PST_DATABASE_URL", "PST_TEST_DATABASE_URL", "WAYLAND_DISPLAY"):
            env.pop(key, None)
        out = open(self.folder / "stdout.log", "w")  # noqa: SIM115 (kept open)
        self.process = subprocess.Popen(  # a crash leaves a core file in the station's folder
            [*self.program, *self.args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=self.folder,
            preexec_fn=_allow_core_files,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self.require_alive()
            if self.hook_path.exists():
                with contextlib.suppress(OSError):
                    self._connect()
                    return
            time.sleep(0.2)
        raise DayFailed(f"{self.name}: no automation hook after 60 s")

    def _connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(30)
        sock.connect(str(self.hook_path))
        self._socket = sock
        self._reader = sock.makefile("rb")

    def require_alive(self) -> None:
        if self.process is None or self.process.poll() is not None:
            code = None if self.process is None else self.process.returncode
            tail = (self.folder / "stdout.log").read_text(errors="replace")[-3000:]
            raise DayFailed(f"{self.name} is not running (exit {code}):\n{tail}")

    def hook(self, cmd: str, **arguments) -> dict:
        self.require_alive()
        assert self._socket is not None and self._reader is not None
        self._socket.sendall(json.dumps({"cmd": cmd, **arguments}).encode() + b"\n")
        line = self._reader.readline()  # type: ignore[attr-defined]
        if not line:
            raise DayFailed(f"{self.name}: the automation hook closed")
        return json.loads(line)

    def get(self, window: str, path: str) -> dict:
        answer = self.hook("get", window=window, path=path)
        if not answer["ok"]:
            raise DayFailed(f"{self.name}: get {window}.{path}: {answer['error']}")
        return answer

    def set(self, window: str, path: str, value) -> None:
        answer = self.hook("set", window=window, path=path, value=value)
        if not answer["ok"]:
            raise DayFailed(f"{self.name}: set {window}.{path}={value!r}: {answer['error']}")

    def text(self, window: str, path: str) -> str:
        return str(self.get(window, path).get("text", ""))

    def windows(self) -> list[dict]:
        return self.hook("windows")["windows"]

    def has_window(self, window: str) -> bool:
        return any(w["class"] == window for w in self.windows())

    def wait_window(self, window: str, timeout: float = 60) -> None:
        wait_until(lambda: self.has_window(window), timeout, f"{self.name}: window {window}")

    def click(self, window: str, path: str) -> None:
        rect = self.get(window, path)["rect"]
        self.display.click(rect["x"] + rect["width"] // 2, rect["y"] + rect["height"] // 2)

    def active_window(self) -> str:
        return next((w["class"] for w in self.windows() if w["active"]), "")

    def explain(self, window: str, notice_path: str) -> str:
        """What the station's user sees when a step did not happen: its windows (the active one
        marked), the window's notice band when shown, and the log's last warnings."""
        parts = []
        with contextlib.suppress(Exception):
            shown = [w["class"] + ("*" if w["active"] else "") for w in self.windows()]
            parts.append(f"windows {shown}")
        with contextlib.suppress(Exception):
            notice = self.get(window, notice_path)
            if notice.get("visible", True) and notice.get("text"):
                parts.append(f"notice {notice['text']!r}")
        with contextlib.suppress(Exception):
            lines = []
            for path in sorted(self.log_dir.glob("*.log")):
                lines += [
                    line
                    for line in path.read_text(errors="replace").splitlines()
                    if " WARNING " in line or " ERROR " in line or "Traceback" in line
                ]
            if lines:
                parts.append("log: " + " | ".join(lines[-4:]))
        return "; ".join(parts)

    def rss_kb(self) -> int:
        assert self.process is not None
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def screenshot(self, folder: Path) -> list[Path]:
        shots = []
        root = folder / f"{self.name}.png"
        self.display.screenshot(root)
        shots.append(root)
        return shots

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _allow_core_files() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def has_answer_row(screen: Station, window: str, row: int) -> bool:
    """Whether the survey screen shown has a row of answers number ``row``."""
    return bool(screen.hook("get", window=window, path=f"survey_page.buttons[{row}][0]")["ok"])


def wait_until(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except DayFailed:
            raise
        except Exception as exc:  # a transient read; try again
            last_error = exc
            result = None
        if result:
            return result
        time.sleep(interval)
    raise DayFailed(
        f"timed out after {timeout:.0f} s waiting for {what}"
        + (f" (last error: {last_error})" if last_error else "")
    )


# --- the database as the script's witness ---------------------------------------------------------


def sql(query: str, *params, dbname: str = DB_NAME) -> list[tuple]:
    import psycopg

    with psycopg.connect(f"{PG}/{dbname}", autocommit=True, connect_timeout=10) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def wait_for_server(timeout: float = 60) -> None:
    def ready() -> bool:
        return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0

    wait_until(ready, timeout, "PostgreSQL")


# --- the day ---------------------------------------------------------------------------------


FIRST_NAMES = [
    "Ani",
    "Budi",
    "Citra",
    "Dedi",
    "Eka",
    "Fitri",
    "Gilang",
    "Hana",
    "Indra",
    "Joko",
    "Kartika",
    "Lukman",
    "Maya",
    "Nanda",
    "Oki",
    "Putri",
    "Rizki",
    "Sari",
    "Taufik",
    "Wulan",
]
LAST_NAMES = [
    "Saputra",
    "Lestari",
    "Wijaya",
    "Pratama",
    "Handayani",
    "Siregar",
    "Nasution",
    "Harahap",
    "Kurniawan",
    "Rahmawati",
]
TOPICS = [
    "PDRB Provinsi Bengkulu",
    "Inflasi Kota Bengkulu",
    "Kemiskinan kabupaten",
    "IPM menurut kabupaten",
    "Ekspor impor",
    "Sensus Pertanian 2023",
    "Tenaga kerja",
]


@dataclass
class Visit:
    index: int
    name: str
    phone: str
    email: str
    service: str  # service name as shown
    returning: bool = False
    code: str = ""
    officer: str = ""
    outcome: str = ""  # finished, skipped, transferred
    rating: int | None = None
    rated_on: str = ""
    topic: str = ""
    survey_answers: int = 0  # answers tapped on the visitor screen's survey
    priority: str = ""  # the reason the receptionist chose for priority service (F10 list)


@dataclass
class Officer:
    station: Station
    desk: int
    username: str
    held: str = ""
    state: str = "idle"  # idle, called, serving
    visit_code: str = ""
    served: int = 0
    busy_until: float = 0.0  # the consultation takes a while (monotonic time)
    break_until: float = 0.0  # on a break until then (monotonic time); 0: at the desk


class OfficeDay:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Path(args.out).resolve()
        self.random = random.Random(args.seed)
        self.program = (
            [sys.executable, "-m", "pst_desktop"]
            if args.program == "source"
            else [str(Path(args.program).resolve())]
        )
        self.url = f"{PG}/{DB_NAME}"
        self.stations: dict[str, Station] = {}
        self.displays: list[Display] = []
        self.visits: list[Visit] = []
        self.by_code: dict[str, Visit] = {}
        self.events: list[str] = []
        self.failures: list[str] = []
        self.pdf_folder = Path(args.pdf_folder)
        self.pdfs_before: set[Path] = set()
        self.clock_offset = 0.0
        self.special: dict[str, int] = {}
        self.restarted = False
        self.surveys_on = False  # the admin turned the survey on (start_surveys)
        self.started = 0.0
        self.interval = 10.0

    # -- set-up --
    def cli(self, *arguments: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [*self.program, "--db", self.url, *arguments],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
            env={
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "PST_LOG_DIR": str(self.out / "cli-logs"),
            },
        )
        if done.returncode != 0:
            raise DayFailed(f"{' '.join(arguments)}: {done.stdout}{done.stderr}")
        return done.stdout + done.stderr

    def prepare_database(self) -> None:
        wait_for_server()
        sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", dbname="postgres")
        sql(f"CREATE DATABASE {DB_NAME}", dbname="postgres")
        self.cli("db", "init")
        for username, role, name in (
            ("admin", "admin", "Admin Kantor"),
            ("resepsionis", "receptionist", "Rina Resepsionis"),
            ("petugas1", "officer", "Bambang Petugas"),
            ("petugas2", "officer", "Dewi Petugas"),
            ("supervisor", "supervisor", "Kepala Seksi"),
        ):
            self.cli("user", "add", username, "--role", role, "--name", name, stdin=PASSWORD + "\n")
        log(f"database {DB_NAME}: schema, office and five accounts")

    def build_stations(self) -> None:
        # a day of its own: an earlier run's logs would be read as this one's
        shutil.rmtree(self.out, ignore_errors=True)
        self.out.mkdir(parents=True)
        shots = self.out / "shots"
        shots.mkdir()
        base = self.args.display_base

        def pc(n: int, *monitors: tuple[str, int, int]) -> Display:
            display = Display(base + n, list(monitors), self.out / "x")
            self.displays.append(display)
            return display

        def settings(role: str, **station: str) -> dict[str, dict[str, str]]:
            return {
                "database": {"url": self.url},
                "station": {"configured": "true", "role": role, "language": "id", **station},
            }

        printer = {"printer": PRINTER, "ticket_paper": "80mm"}
        single = ("SCREEN", 1366, 768)
        plan = [
            ("reception", pc(1, single), [], settings("staff", **printer), {}),
            (
                "officer1",
                pc(2, ("DESK", 1366, 768), ("VISITOR", 1920, 1080)),
                [],
                settings("staff", desk_id="1", visitor_screen="DUMMY1"),
                {},
            ),
            (
                "officer2",
                pc(3, ("DESK", 1366, 768), ("VISITOR", 1920, 1080)),
                [],
                settings("staff", desk_id="2", visitor_screen="DUMMY1"),
                {},
            ),
            ("board", pc(4, single), ["display"], settings("board"), {}),
            (
                "kiosk",
                pc(5, single),
                ["rating", "--desk", "2"],
                settings("rating", desk_id="2"),
                {},
            ),
            (
                "backoffice",
                pc(6, ("SCREEN", 1920, 1080)),
                [],
                settings("staff"),
                {"QT_SCALE_FACTOR": "1.25"},
            ),
        ]
        for name, display, arguments, station_settings, extra in plan:
            self.stations[name] = Station(
                name, display, arguments, station_settings, self.out / name, self.program, extra
            )

    def start(self) -> None:
        self.build_stations()
        for display in self.displays:
            display.start()
        self.prepare_database()
        self.pdfs_before = set(self.pdf_folder.glob("*.pdf")) if self.pdf_folder.exists() else set()
        self.clock_offset = (DAY_START - dt.datetime.now(dt.UTC)).total_seconds()
        self.started = time.monotonic()
        for station in self.stations.values():
            station.start(self.clock_offset)
            log(f"{station.name} started (pid {station.process.pid}) on {station.display.name}")
        for name, user in (
            ("reception", "resepsionis"),
            ("officer1", "petugas1"),
            ("officer2", "petugas2"),
            ("backoffice", "admin"),
        ):
            self.sign_in(self.stations[name], user)
        self.stations["board"].wait_window("DisplayBoard")
        self.stations["kiosk"].wait_window("RatingScreen")
        for officer in ("officer1", "officer2"):
            self.stations[officer].wait_window("OfficerWindow")
            self.stations[officer].wait_window("RatingScreen", 20)
        time.sleep(3)  # let every window settle before measuring
        for station in self.stations.values():
            station.rss_start_kb = station.rss_kb()
        self.screenshots("start")

    def sign_in(self, station: Station, username: str) -> None:
        station.wait_window("LoginWindow")
        station.set("LoginWindow", "username", username)
        station.set("LoginWindow", "password", PASSWORD)
        station.hook("focus", window="LoginWindow", path="password")
        station.display.key("Return")
        wait_until(
            lambda: not station.has_window("LoginWindow"),
            30,
            f"{station.name}: sign-in of {username}",
        )
        log(f"{station.name}: {username} signed in")

    # -- the back office --
    def start_surveys(self) -> None:
        """The admin turns on the IKM and SKD survey for every finished visit (Survei tab); the
        visitor screens ask it from the next rating on."""
        back = self.stations["backoffice"]
        items = back.get("AdminWindow", "tabs")["items"]
        back.set(
            "AdminWindow",
            "tabs",
            next(i for i, t in enumerate(items) if "surv" in t.lower()),
        )
        back.set("AdminWindow", "surveys_tab.survey", "both")
        back.set("AdminWindow", "surveys_tab.audience", "every")
        back.click("AdminWindow", "surveys_tab.save_button")
        wait_until(
            lambda: sql("SELECT survey, audience FROM survey_plan") == [("both", "every")],
            15,
            "the survey plan in the database",
        )
        self.surveys_on = True
        log("the admin turned the IKM and SKD survey on")

    def set_running_text(self) -> None:
        back = self.stations["backoffice"]
        back.wait_window("AdminWindow")
        text = "Selamat datang di PST BPS Provinsi Bengkulu. Layanan Senin-Kamis 08.00-15.30."
        items = back.get("AdminWindow", "tabs")["items"]
        back.set(
            "AdminWindow",
            "tabs",
            next(i for i, t in enumerate(items) if "papan" in t.lower() or "board" in t.lower()),
        )
        back.set("AdminWindow", "rating_tab.running_text", text)
        back.click("AdminWindow", "rating_tab.save_text_button")
        wait_until(
            lambda: sql("SELECT 1 FROM office_setting WHERE value LIKE %s", "%Selamat datang%"),
            15,
            "the running text in the database",
        )
        board = self.stations["board"]
        wait_until(
            lambda: (
                "Selamat datang"
                in json.dumps(board.hook("get", window="DisplayBoard", path="ticker.text"))
            ),
            30,
            "the running text on the board",
        )
        self.events.append("running text set by the admin, shown on the board")
        self.start_surveys()
        back.click("AdminWindow", "logout_button")
        self.sign_in(back, "supervisor")
        back.wait_window("SupervisorWindow")

    # -- the front desk --
    def new_visit(self, index: int) -> Visit:
        returning = index >= 8 and index % 6 == 0 and self.visits
        if returning:
            earlier = self.random.choice([v for v in self.visits if not v.returning])
            visit = Visit(index, earlier.name, earlier.phone, earlier.email, "", True)
        else:
            name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)} {index}"
            visit = Visit(index, name, f"0812{7000000 + index:07d}", f"tamu{index}@example.com", "")
        services = ["Konsultasi Statistik"] * 3 + [
            "Perpustakaan",
            "Pembelian Data Mikro/Peta & Publikasi",
        ]
        visit.service = self.random.choice(services)
        return visit

    def register_and_issue(self, visit: Visit) -> None:
        reception = self.stations["reception"]
        window = "ReceptionWindow"
        before = reception.text(window, "last_code")
        self.new_guest_book_form()
        if visit.returning:
            reception.hook("focus", window=window, path="search")
            reception.display.type_text(visit.phone)
            wait_until(
                lambda: reception.get(window, "search_results")["visible"], 15, "search results"
            )
            reception.display.key("Down", "Return")
            wait_until(
                lambda: reception.text(window, "form.phone") == visit.phone,
                15,
                "the returning visitor in the form",
            )
        else:
            self.fill_new_visitor(visit)
        self.set_field(reception, window, "form.purpose", None)
        self.set_field(reception, window, "form.service", visit.service)
        reception.set(window, "form.consent", True)
        if visit.index % 4 == 2:  # an older visitor: served first, the ticket shows a star
            reception.set(window, "priority.reason", "elderly")
            visit.priority = "elderly"
        self.require_active(reception, window)
        reception.display.key("F9")
        try:
            code = wait_until(
                lambda: (c := reception.text(window, "last_code")) != before and c,
                30,
                f"the ticket of visit {visit.index}",
            )
        except DayFailed as exc:  # say what the receptionist saw
            raise DayFailed(f"{exc}; {reception.explain(window, 'notice_text')}") from None
        visit.code = code
        self.visits.append(visit)
        self.by_code[code] = visit
        log(f"reception: {code} ({visit.service}{', returning' if visit.returning else ''})")

    def new_guest_book_form(self) -> None:
        """Ctrl+N, and wait until the program has handled it.

        Keys go through X, fields through the hook: two channels the program may read in either
        order. A mark in the name field that Ctrl+N clears tells that the key was handled, so no
        field filled afterwards is cleared by a late Ctrl+N (suspected in a CI run: the third
        visitor of a bus rush got no ticket)."""
        reception, window = self.stations["reception"], "ReceptionWindow"
        reception.set(window, "form.name", "-")
        reception.display.key("ctrl+n")
        wait_until(lambda: reception.text(window, "form.name") == "", 15, "a new guest-book form")

    def set_field(self, station: Station, window: str, path: str, value) -> None:
        """Fill a field; a list takes the item shown as ``value`` (or ending with it, as
        "K · Konsultasi Statistik"), or its first real item when ``value`` is None."""
        widget = station.get(window, path)
        if widget.get("list"):  # a drop-down list, whatever its class (ChoiceBox is one)
            items = [i for i in widget["items"] if i and not i.endswith("…")]
            wanted = str(value) if value is not None else ""
            value = next(
                (i for i in items if value is not None and (i == wanted or i.endswith(wanted))),
                None,
            )
            if value is None:
                if wanted:
                    raise DayFailed(f"{station.name}: {path} has no {wanted!r} in {items}")
                value = items[0]
        station.set(window, path, value)

    def require_active(self, station: Station, window: str) -> None:
        """The staff window must have the keyboard before keys are pressed (a visitor screen
        that takes it is a defect the day reports)."""
        active = station.active_window()
        if active != window:
            self.failures.append(
                f"{station.name}: {active or 'nothing'} had the keyboard, not {window}"
            )
            station.hook("focus", window=window, path="")

    def fill_new_visitor(self, visit: Visit) -> None:
        """The guest-book form of a new visitor: the name typed, the rest filled in."""
        reception, window = self.stations["reception"], "ReceptionWindow"
        reception.hook("focus", window=window, path="form.name")
        reception.display.type_text(visit.name)
        form = {
            "form.email": visit.email,
            "form.phone": visit.phone,
            "form.gender": self.random.choice(["Laki-laki", "Perempuan"]),
            "form.birth_year": str(self.random.randint(1965, 2004)),
            "form.education": self.random.choice(["D4/S1", "S2", "D1/D2/D3"]),
            "form.occupation": self.random.choice(
                ["Pelajar/Mahasiswa", "Peneliti/Dosen", "Pegawai Swasta"]
            ),
            "form.institution_category": "Lembaga Penelitian & Pendidikan",
            "form.institution_name": "Universitas Bengkulu",
        }
        for path, value in form.items():
            self.set_field(reception, window, path, value)

    def training_now(self) -> dt.datetime:
        """The stations' clock (the same offset), in WIB."""
        return (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.clock_offset)).astimezone(WIB)

    def book_appointment(self) -> None:
        """A visitor books for later today (at least an hour ahead, as the SOP asks)."""
        reception = self.stations["reception"]
        window = "ReceptionWindow"
        visit = self.new_visit(999)
        visit.service = "Konsultasi Statistik"
        self.new_guest_book_form()
        self.fill_new_visitor(visit)
        self.set_field(reception, window, "form.purpose", None)
        self.set_field(reception, window, "form.service", visit.service)
        reception.set(window, "form.consent", True)
        self.require_active(reception, window)
        reception.display.key("ctrl+b")
        reception.wait_window("AppointmentDialog", 15)
        when = self.training_now() + dt.timedelta(minutes=62)  # the SOP's hour, and a bit
        when = when.replace(second=0, microsecond=0)
        reception.set("AppointmentDialog", "when", when.strftime("%Y-%m-%dT%H:%M:00"))
        reception.click("AppointmentDialog", "book_button")
        wait_until(
            lambda: sql("SELECT count(*) FROM appointment")[0][0] >= 1, 20, "the appointment"
        )
        self.appointment = (visit, when)
        self.events.append(f"appointment booked for {when:%H:%M} (by the training clock)")
        log(f"reception: appointment booked for {when:%H:%M}")

    def check_in_due(self) -> bool:
        """The visitor is back: check-in opens an hour before the appointment."""
        booked = getattr(self, "appointment", None)
        return (
            booked is not None
            and "checked_in" not in self.special
            and self.training_now() >= booked[1] - dt.timedelta(minutes=59)
        )

    def check_in(self) -> None:
        reception = self.stations["reception"]
        window = "ReceptionWindow"
        visit, _when = self.appointment
        tab_items = reception.get(window, "tabs")["items"]
        reception.set(
            window, "tabs", next(i for i, t in enumerate(tab_items) if "anji" in t or "ppoint" in t)
        )
        wait_until(
            lambda: reception.hook("rows", window=window, path="appointments_table")["rows"],
            20,
            "the appointment in the list",
        )
        before = reception.text(window, "last_code")

        def checked_in() -> str | None:
            # the list says "can check in now" from its next read: F5 reads it at once
            reception.hook("focus", window=window, path="appointments_table")
            reception.display.key("F5")
            time.sleep(1.5)
            reception.hook("select", window=window, path="appointments_table", value=0)
            reception.display.key("ctrl+k")
            time.sleep(1.5)
            code = reception.text(window, "last_code")
            if code == before:
                log(f"reception: check-in not yet: {reception.text(window, 'status_line')!r}")
            return code if code != before else None

        code = wait_until(checked_in, 40, "the checked-in ticket", interval=1)
        visit.code = code
        visit.index = len(self.visits)
        self.visits.append(visit)
        self.by_code[code] = visit
        self.special["checked_in"] = 1
        reception.set(window, "tabs", 0)
        self.events.append(f"appointment checked in: {code}")
        log(f"reception: appointment checked in as {code}")

    # -- the desks --
    def waiting_for(self, officer: Officer) -> int:
        return sql(
            "SELECT count(*) FROM visit v JOIN desk_service ds ON ds.service_id = v.service_id "
            "WHERE v.status = 'waiting' AND ds.desk_id = %s",
            officer.desk,
        )[0][0]

    def call_next(self, officers: list[Officer]) -> None:
        before = {o.username: o.station.text("OfficerWindow", "held_code") for o in officers}
        for officer in officers:
            self.require_active(officer.station, "OfficerWindow")
        threads = [threading.Thread(target=o.station.display.key, args=("F2",)) for o in officers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for officer in officers:
            code = wait_until(
                lambda o=officer: (
                    (c := o.station.text("OfficerWindow", "held_code")) != before[o.username]
                    and re.fullmatch(r"[A-Z]-\d{3}", c)
                    and c
                ),
                20,
                f"{officer.username}'s call",
            )
            officer.held, officer.state = code, "called"
            visit = self.by_code.get(code)
            if visit is not None:
                visit.officer = officer.username
            log(f"{officer.username}: called {code}")

    def step(self, officer: Officer) -> None:
        station, window = officer.station, "OfficerWindow"
        if officer.state == "called":
            visit = self.by_code[officer.held]
            if "no_show" not in self.special and visit.index >= 5 and not visit.returning:
                self.require_active(station, window)
                station.display.key("F6")
                self.wait_released(officer)
                visit.outcome = "skipped"
                self.special["no_show"] = visit.index
                self.events.append(f"{officer.username}: {visit.code} did not come (F6)")
                log(f"{officer.username}: {visit.code} no-show")
                return
            if (
                "transfer" not in self.special
                and visit.index >= 10
                and visit.service == "Konsultasi Statistik"
            ):
                target = "Perpustakaan"
                self.require_active(station, window)
                station.display.key("ctrl+t")  # asks where to: nothing is moved yet
                station.wait_window("TransferDialog", 15)
                self.set_field(station, "TransferDialog", "target", target)
                station.display.key("Return")
                self.wait_released(officer)
                visit.service = target
                self.special["transfer"] = visit.index
                self.events.append(f"{officer.username}: {visit.code} transferred to {target}")
                log(f"{officer.username}: {visit.code} transferred")
                return
            if visit.index % 7 == 3:
                station.display.key("F3")  # recall: the visitor did not hear the first call
                self.events.append(f"{officer.username}: recalled {visit.code}")
            self.require_active(station, window)
            station.display.key("F4")
            wait_until(
                lambda: station.text(window, "timer_label") not in ("", "—"),
                15,
                f"{officer.username}: service of {officer.held} started",
            )
            officer.state = "serving"
            # a consultation lasts one to three visitor arrivals: a queue builds up, so both
            # officers are often free with several waiting and press F2 together
            officer.busy_until = time.monotonic() + self.interval * self.random.uniform(0.8, 2.6)
            return
        if officer.state == "serving":
            if time.monotonic() < officer.busy_until:
                return
            visit = self.by_code[officer.held]
            visit.topic = f"{self.random.choice(TOPICS)} ({visit.code})"
            station.hook("focus", window=window, path="form.topic")
            station.display.type_text(visit.topic)
            station.set(window, "form.question", "Data tahun 2020-2025 per kabupaten?")
            station.set(window, "form.answer", "Tersedia di bengkulu.bps.go.id, tabel dinamis.")
            self.set_field(
                station,
                window,
                "form.need_met",
                self.random.choice(["Ya, sesuai", "Tidak", "Belum"]),
            )
            self.require_active(station, window)
            station.display.key("F8")
            self.wait_released(officer)
            visit.outcome = "finished"
            visit.officer = officer.username
            officer.served += 1
            log(f"{officer.username}: finished {visit.code}")
            self.rate(officer, visit)
            return

    def wait_released(self, officer: Officer) -> None:
        held = officer.held
        try:
            wait_until(
                lambda: officer.station.text("OfficerWindow", "held_code") != held,
                20,
                f"{officer.username} to release {officer.held}",
            )
        except DayFailed as exc:  # say what the officer read
            notice = officer.station.text("OfficerWindow", "notice")
            raise DayFailed(f"{exc}; the officer's window says {notice!r}") from None
        officer.held, officer.state = "", "idle"

    def rate(self, officer: Officer, visit: Visit) -> None:
        """The visitor taps a face on the screen facing them (the kiosk of desk 2 every other
        time), then sends without a comment."""
        screen = officer.station
        if officer.desk == 2 and visit.index % 2 == 0:
            screen = self.stations["kiosk"]
        window = "RatingScreen"

        def asking() -> bool:
            return screen.get(window, "ask_page")["visible"]

        wait_until(asking, 20, f"the rating question for {visit.code} on {screen.name}")
        faces = screen.get(window, "face_buttons")
        score = self.random.choice([3, 4, 4, 4, 3, 2, 4])
        screen.click(window, f"face_buttons[{score - 1}]")

        def next_page() -> str | None:
            if screen.get(window, "survey_page")["visible"]:
                return "survey"
            return "comment" if screen.get(window, "comment_page")["visible"] else None

        if wait_until(next_page, 15, f"the survey or comment page for {visit.code}") == "survey":
            self.answer_survey(screen, visit)
        wait_until(
            lambda: screen.get(window, "comment_page")["visible"],
            15,
            f"the comment page for {visit.code}",
        )
        screen.click(window, "send_button")
        wait_until(
            lambda: (
                screen.get(window, "thanks_page")["visible"]
                or screen.get(window, "idle_page")["visible"]
            ),
            15,
            "thanks",
        )
        visit.rating, visit.rated_on = score, screen.name
        del faces

    def answer_survey(self, screen: Station, visit: Visit) -> None:
        """The visitor answers the survey's first few screens by touch (every row of answers on
        a screen: one IKM element, or an SKD attribute's importance and satisfaction), then
        ends it; what was answered is kept."""
        window = "RatingScreen"
        screens = self.random.choice([1, 2, 3])
        for _ in range(screens):
            progress = screen.text(window, "survey_page.progress_label")
            rows = 0
            while has_answer_row(screen, window, rows):
                rows += 1
            for row in range(rows):
                choice = self.random.choice([2, 3, 3, 3])  # index into the row's answers
                screen.click(window, f"survey_page.buttons[{row}][{choice}]")
                visit.survey_answers += 1
            wait_until(
                lambda progress=progress: (
                    not screen.get(window, "survey_page")["visible"]
                    or screen.text(window, "survey_page.progress_label") != progress
                ),
                15,
                f"the next survey screen for {visit.code}",
            )
            if not screen.get(window, "survey_page")["visible"]:
                return
        screen.click(window, "survey_page.end_button")

    # -- the day --
    def play(self) -> None:
        self.set_running_text()
        officers = [
            Officer(self.stations["officer1"], 1, "petugas1"),
            Officer(self.stations["officer2"], 2, "petugas2"),
        ]
        total = self.args.visits
        seconds = self.args.minutes * 60
        self.interval = seconds / total
        day_started = time.monotonic()
        restart_at = total // 2
        index = 0
        concurrent_calls = 0
        while (
            index < total
            or any(o.state != "idle" for o in officers)
            or any(self.waiting_for(o) for o in officers)
            or "checked_in" not in self.special
            or any(o.break_until for o in officers)
        ):
            if self.check_in_due():
                self.check_in()
            if index < total and time.monotonic() >= day_started + index * seconds / total:
                if index == 1:
                    self.book_appointment()
                # a bus arrives: at a third and at two thirds of the day three visitors come in
                # together, so a queue builds and both officers call at the same moment
                rush = 3 if index in (total // 3, 2 * total // 3) else 1
                for _ in range(min(rush, total - index)):
                    self.register_and_issue(self.new_visit(index))
                    index += 1
                if index >= restart_at and not self.restarted:
                    self.restart_server()
            waiting = sql("SELECT count(*) FROM visit WHERE status='waiting'")[0][0]
            self.breaks(officers[0], index, total)
            idle = [
                o
                for o in officers
                if o.state == "idle" and not o.break_until and self.waiting_for(o)
            ]
            serving = [o for o in officers if o.state != "idle"]
            if len(idle) == 2 and waiting >= 2:
                self.call_next(idle)
                concurrent_calls += 1
            elif idle and not (concurrent_calls < 3 and waiting >= 2 and serving):
                self.call_next(idle[:1])
            # else: the free officer waits a moment for the other, then both press F2 together
            for officer in officers:
                self.step(officer)
            self.check_alive()
            if index >= total and time.monotonic() - day_started > seconds * 3:
                raise DayFailed("the queue did not empty")
            time.sleep(0.3)
        # keep the stations up until the day's minimum length is reached
        while time.monotonic() - day_started < seconds:
            self.check_alive()
            time.sleep(5)
        self.events.append(f"both officers pressed F2 at the same moment {concurrent_calls} times")
        self.concurrent_calls = concurrent_calls
        self.minutes_played = (time.monotonic() - day_started) / 60

    def breaks(self, officer: Officer, index: int, total: int) -> None:
        """Once, after the second bus, the first officer puts the desk on a break for a short
        while (Istirahat…, Enter), then opens it again; the desk's state follows in the
        database, and nobody is called to that desk meanwhile."""
        station, window = officer.station, "OfficerWindow"
        if officer.break_until:
            if time.monotonic() < officer.break_until:
                return
            station.click(window, "desk_state_bar.open_button")
            wait_until(
                lambda: (
                    sql("SELECT state FROM desk_state WHERE desk_id = %s", officer.desk)
                    == [("open",)]
                ),
                15,
                "the desk open again",
            )
            officer.break_until = 0.0
            log(f"{officer.username}: desk open again")
            return
        if "break" in self.special or index < 2 * total // 3 or officer.state != "idle":
            return
        station.click(window, "desk_state_bar.break_button")
        wait_until(
            lambda: station.get(window, "desk_state_bar.break_dialog")["visible"],
            10,
            "the break dialog",
        )
        station.display.key("Return")
        wait_until(
            lambda: (
                sql("SELECT state FROM desk_state WHERE desk_id = %s", officer.desk) == [("break",)]
            ),
            15,
            "the desk on a break in the database",
        )
        self.special["break"] = 1
        officer.break_until = time.monotonic() + 20
        self.events.append(f"{officer.username}: desk on a break, then open again")
        log(f"{officer.username}: desk on a break")

    def restart_server(self) -> None:
        log("restarting PostgreSQL mid-day")
        version = next(iter(os.listdir("/etc/postgresql")))
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        wait_for_server()
        self.restarted = True
        self.events.append("PostgreSQL restarted mid-day")
        time.sleep(8)  # the stations notice and reconnect (their bands come and go)

    def check_alive(self) -> None:
        for station in self.stations.values():
            station.require_alive()

    def screenshots(self, label: str) -> None:
        folder = self.out / "shots" / label
        folder.mkdir(parents=True, exist_ok=True)
        for station in self.stations.values():
            station.screenshot(folder)

    # -- the checks --
    def verify(self) -> None:
        failures = self.failures
        # every process alive
        for station in self.stations.values():
            if station.process is None or station.process.poll() is not None:
                failures.append(f"{station.name} is not running")
        # no traceback in any log
        for station in self.stations.values():
            for path in [station.folder / "stdout.log", *station.log_dir.glob("*.log*")]:
                text = path.read_text(errors="replace") if path.exists() else ""
                for marker in ("Traceback", "Fatal Python error", "Segmentation fault"):
                    if marker in text:
                        failures.append(f"{station.name}: {marker!r} in {path.name}")
        # the database agrees with what the script did
        rows = self.visit_rows()
        by_code = {row["code"]: row for row in rows}
        if len(by_code) != len(self.visits):
            failures.append(
                f"{len(by_code)} walk-in visits in the database, the script made {len(self.visits)}"
            )
        for visit in self.visits:
            row = by_code.get(visit.code)
            if row is None:
                failures.append(f"{visit.code}: not in the database")
                continue
            expected = {"finished": ("done",), "skipped": ("skipped",), "": ("waiting",)}[
                visit.outcome or ""
            ]
            if row["status"] not in expected:
                failures.append(f"{visit.code}: status {row['status']}, expected {expected}")
            if visit.outcome == "finished":
                if row["officer"] != visit.officer:
                    failures.append(
                        f"{visit.code}: served by {row['officer']}, the script saw {visit.officer}"
                    )
                if (row["topic"] or "") != visit.topic:
                    failures.append(
                        f"{visit.code}: record topic {row['topic']!r}, typed {visit.topic!r}"
                    )
                if row["score"] != visit.rating:
                    failures.append(f"{visit.code}: rating {row['score']}, tapped {visit.rating}")
            if visit.priority and row["priority"] != visit.priority:
                failures.append(
                    f"{visit.code}: priority {row['priority']!r}, chose {visit.priority}"
                )
            if row["service"] != visit.service:
                failures.append(f"{visit.code}: service {row['service']}, expected {visit.service}")
        # numbers: unique and gap-free per prefix
        numbers: dict[str, list[int]] = {}
        for code in by_code:
            prefix, _, number = code.partition("-")
            numbers.setdefault(prefix, []).append(int(number))
        for prefix, got in numbers.items():
            if sorted(got) != list(range(1, len(got) + 1)):
                failures.append(f"{prefix}: numbers {sorted(got)} are not 1..{len(got)}")
        # every ticket printed, as an 80 mm page
        self.check_pdfs(len(self.visits))
        if not any(v.priority for v in self.visits):
            failures.append("the day had no priority ticket")
        for key in ("no_show", "transfer", "checked_in", "break"):
            if key not in self.special:
                failures.append(f"the day had no {key.replace('_', ' ')}")
        # survey answers tapped on the visitor screens are in the database, each once
        tapped = sum(v.survey_answers for v in self.visits)
        if self.surveys_on:
            stored = sql("SELECT count(*) FROM survey_answer")[0][0]
            if stored != tapped:
                failures.append(f"{stored} survey answers in the database, {tapped} tapped")
            if not tapped:
                failures.append("no visitor answered the survey")
        if not self.restarted:
            failures.append("the day had no server restart")
        if getattr(self, "concurrent_calls", 0) < 1:
            failures.append("the officers never pressed F2 at the same moment")

    def visit_rows(self) -> list[dict]:
        rows = sql(
            "SELECT t.prefix || '-' || lpad(v.number::text, 3, '0'), v.status, s.name, "
            "u.username, (SELECT r.score FROM rating r WHERE r.visit_id = v.id), "
            "(SELECT c.topic FROM consultation c WHERE c.visit_id = v.id), v.priority "
            "FROM visit v JOIN service_type s ON s.id = v.service_id "
            "JOIN service_type t ON t.id = v.ticket_service_id "
            "LEFT JOIN user_account u ON u.id = v.officer_id "
            "WHERE v.channel = 'walk_in'"
        )
        return [
            dict(
                zip(
                    ("code", "status", "service", "officer", "score", "topic", "priority"),
                    row,
                    strict=True,
                )
            )
            for row in rows
        ]

    def check_pdfs(self, tickets: int) -> None:
        deadline = time.monotonic() + 60
        arrived: list[Path] = []
        while time.monotonic() < deadline:
            arrived = sorted(set(self.pdf_folder.glob("*.pdf")) - self.pdfs_before)
            if len(arrived) >= tickets:
                break
            time.sleep(2)
        self.pdf_count = len(arrived)
        if len(arrived) < tickets:
            self.failures.append(
                f"{len(arrived)} ticket PDFs arrived in {self.pdf_folder}, "
                f"{tickets} tickets were issued"
            )
        for pdf in arrived:
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
            if not match or abs(float(match.group(1)) - TICKET_WIDTH_PT) > 2:
                self.failures.append(
                    f"{pdf.name}: page {match.groups() if match else '?'} pt, not 80 mm wide"
                )
        if arrived:
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "100",
                    "-singlefile",
                    str(arrived[-1]),
                    str(self.out / "shots" / "last-ticket"),
                ],
                check=False,
            )

    def report(self) -> None:
        print()
        print("== office day ==")
        print(f"program: {' '.join(self.program)}")
        print(
            f"visits: {len(self.visits)} in {getattr(self, 'minutes_played', 0):.1f} minutes; "
            f"ratings: {sum(1 for v in self.visits if v.rating)}; "
            f"survey answers tapped: {sum(v.survey_answers for v in self.visits)}; "
            f"ticket PDFs: {getattr(self, 'pdf_count', 0)}; "
            f"server restarts survived: {int(self.restarted)}"
        )
        for event in self.events:
            print(f"- {event}")
        print(f"{'station':<12}{'RSS start MB':>14}{'RSS end MB':>12}")
        for station in self.stations.values():
            end = station.rss_kb()
            print(f"{station.name:<12}{station.rss_start_kb / 1024:>14.1f}{end / 1024:>12.1f}")
        print(f"screenshots: {self.out / 'shots'}")
        if self.failures:
            print(f"FAILED: {len(self.failures)} problem(s)")
            for failure in self.failures:
                print(f"  - {failure}")
        else:
            print("PASSED: every station up, no traceback, database and tickets agree")

    def stop(self) -> None:
        for station in self.stations.values():
            station.stop()
        for display in self.displays:
            display.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--program",
        default=str(ROOT / "dist" / "pst-desktop" / "pst-desktop"),
        help="the built program, or 'source' for python -m pst_desktop",
    )
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--visits", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="/tmp/office-day")
    parser.add_argument(
        "--pdf-folder", default=os.environ.get("PST_CUPS_PDF_DIR", "/var/spool/cups-pdf/out")
    )
    parser.add_argument("--display-base", type=int, default=40)
    args = parser.parse_args(argv)
    day = OfficeDay(args)
    try:
        day.start()
        day.play()
        day.screenshots("end")
        day.verify()
    except DayFailed as exc:
        day.failures.append(str(exc))
        with contextlib.suppress(Exception):
            day.screenshots("failed")
    finally:
        day.report()
        day.stop()
    return 1 if day.failures else 0


if __name__ == "__main__":
    sys.exit(main())
