"""Demo data: a believable office for training and benchmarks (``pst-desktop demo-data``).

``generate`` fills the database with staff, guest-book visitors and the visits of the last N
working days: walk-in tickets with gap-free numbers per (service, office day), their full
timestamp chain inside the service hours, consultations, ratings and a few online consultations.

How it stays believable:
- each working day is simulated desk by desk: the desk that frees first calls the oldest waiting
  ticket it serves, so an officer (one per desk per day) never serves two visits at once;
- visitors' SKD fields follow the occupation (students, researchers and civil servants are the
  bulk), and some visitors come back on a later day.

How it stays fast (a year of ~250k visits for benchmarks): ids are reserved up front (``MAX(id)``
inside SQLite's ``BEGIN IMMEDIATE``, ``nextval`` on PostgreSQL), every row is built as plain
values, and each office day is written in one transaction with ``executemany`` (SQLite) or
``COPY`` (PostgreSQL).  The same seed gives the same data; days that already hold visits or
ticket counters are skipped and reported, so a second run never breaks a uniqueness rule.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import heapq
import json
import math
import random
import time
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import peewee as pw

from models.catalog import DEFAULT_SERVICES
from models.database import database_proxy, is_sqlite, write_transaction
from models.entities import (
    Channel,
    Consultation,
    Desk,
    DeskService,
    Office,
    Rating,
    Role,
    ServiceType,
    TicketCounter,
    UserAccount,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.admin.office_setup import DEFAULT_TIME_ZONE, ensure_office, first_office
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.sop.office_calendar import OfficeCalendar

#: every demo account gets this password (printed in the summary)
DEMO_PASSWORD = "demo12345"
#: average walk-in visits per working day when the caller gives none
DEFAULT_VISITS_PER_DAY = 24
#: rating scale of the visitor-facing screen
SCALE_MAX = 4

_UTC = dt.UTC
_WALK_IN = Channel.WALK_IN.value
_DONE = VisitStatus.DONE.value
_SKIPPED = VisitStatus.SKIPPED.value
_CANCELLED = VisitStatus.CANCELLED.value
_WEEKDAY_FACTOR = {0: 1.15, 1: 1.05, 2: 1.0, 3: 0.95, 4: 0.85}
_MEAN_SERVICE_MINUTES = 36  # service + call overhead, averaged over the services
_TARGET_LOAD = 0.65  # share of the desks' open time spent serving
_VISITS_PER_COMMIT = 25_000  # whole days are grouped into transactions of about this size
_BULK_CACHE_KIB = -131_072  # SQLite page cache while loading: 128 MiB


# -- reference data ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_MALE = _words(
    "Ahmad Rahmat Budi Andi Dedi Eko Fajar Hendra Irfan Joko Rizki Agus Bayu Dimas Arif "
    "Yudi Hadi Ilham Reza Taufik Wahyu Yoga Rudi Doni Fikri Aditya Fauzan Gilang Haris "
    "Iqbal Novri Rio Sandi Zulkifli Heri Teguh Ari Rian Alif Bima Firdaus Ikhsan Luthfi "
    "Rendi Yusuf"
)
_FEMALE = _words(
    "Siti Dewi Sri Rina Nur Putri Ayu Fitri Indah Maya Nadia Rahma Sari Wulan Yuni Anisa "
    "Dinda Eka Intan Kartika Lusi Mega Novita Ratna Tika Vina Winda Zahra Aulia Citra "
    "Desi Nurul Annisa Febri Melati Rini Yulia Salsabila Tiara Aprilia Dwi Rosa Septi"
)
_SURNAME_ANY = _words(
    "Hidayat Santoso Wijaya Kurniawan Setiawan Nugroho Siregar Harahap Nasution Lubis "
    "Hasibuan Simanjuntak Rahman Hakim Kusuma Hasan Sembiring Ginting Tarigan Rangkuti "
    "Daulay Marpaung Effendi Alamsyah Hutapea Manurung Syahrial Zainal Arifin Sinaga "
    "Pohan Matondang"
)
_SURNAME_MALE = _words(
    "Pratama Saputra Syahputra Firmansyah Ramadhan Gunawan Wibowo Prasetyo Irawan Fauzi "
    "Hermawan Permana Kurniadi Maulana"
)
_SURNAME_FEMALE = _words(
    "Putri Saputri Lestari Wati Anggraini Permatasari Maharani Oktaviani Rahmawati "
    "Susanti Handayani Wulandari Puspitasari Novianti"
)

_MAIL_DOMAINS = (
    ("gmail.com", 70),
    ("yahoo.com", 10),
    ("yahoo.co.id", 8),
    ("outlook.com", 5),
    ("hotmail.com", 3),
    ("icloud.com", 2),
    ("ymail.com", 2),
)
_PHONE_PREFIXES = _words(
    "0811 0812 0813 0821 0822 0823 0852 0853 0851 0877 0878 0817 0818 0819 0859 0831 0832 "
    "0838 0895 0896 0897 0898 0881 0882 0887"
)

#: occupation code → weight, education, (min, max, mode) age, institution categories,
#: purposes, services wanted (by service code)
_OCCUPATIONS: dict[str, dict] = {
    "student": {
        "weight": 40,
        "education": {"upto_high_school": 70, "diploma": 5, "bachelor": 20, "master": 5},
        "age": (16, 32, 21),
        "institution": {"research_education": 100},
        "purpose": {"school_assignment": 85, "research": 12, "other": 3},
        "service": {"consultation": 55, "library": 33, "data_purchase": 10, "recommendation": 2},
    },
    "researcher": {
        "weight": 14,
        "education": {"bachelor": 10, "master": 60, "doctorate": 30},
        "age": (27, 63, 40),
        "institution": {"research_education": 90, "ministry": 10},
        "purpose": {"research": 85, "school_assignment": 5, "government": 5, "other": 5},
        "service": {"consultation": 50, "library": 15, "data_purchase": 33, "recommendation": 2},
    },
    "civil_servant": {
        "weight": 20,
        "education": {
            "upto_high_school": 5,
            "diploma": 10,
            "bachelor": 60,
            "master": 23,
            "doctorate": 2,
        },
        "age": (23, 58, 38),
        "institution": {
            "local_government": 55,
            "ministry": 25,
            "security": 8,
            "state_institution": 12,
        },
        "purpose": {"government": 80, "research": 10, "other": 10},
        "service": {"consultation": 55, "library": 7, "data_purchase": 13, "recommendation": 25},
    },
    "state_enterprise": {
        "weight": 5,
        "education": {"diploma": 15, "bachelor": 70, "master": 15},
        "age": (23, 55, 33),
        "institution": {"state_enterprise": 100},
        "purpose": {"commercial": 40, "government": 30, "research": 20, "other": 10},
        "service": {"consultation": 60, "library": 5, "data_purchase": 30, "recommendation": 5},
    },
    "private_employee": {
        "weight": 10,
        "education": {"upto_high_school": 20, "diploma": 20, "bachelor": 55, "master": 5},
        "age": (21, 52, 30),
        "institution": {"private": 90, "international": 10},
        "purpose": {"commercial": 60, "research": 20, "other": 20},
        "service": {"consultation": 60, "library": 10, "data_purchase": 28, "recommendation": 2},
    },
    "entrepreneur": {
        "weight": 6,
        "education": {"upto_high_school": 45, "diploma": 15, "bachelor": 35, "master": 5},
        "age": (22, 62, 38),
        "institution": {"private": 70, "other": 30},
        "purpose": {"commercial": 75, "other": 25},
        "service": {"consultation": 65, "library": 10, "data_purchase": 25},
    },
    "other": {
        "weight": 5,
        "education": {"upto_high_school": 45, "diploma": 15, "bachelor": 35, "master": 5},
        "age": (18, 68, 35),
        "institution": {"other": 70, "private": 30},
        "purpose": {"other": 50, "research": 25, "commercial": 25},
        "service": {"consultation": 70, "library": 20, "data_purchase": 10},
    },
}
_OCCUPATION_OTHER = (
    "Ibu rumah tangga",
    "Jurnalis",
    "Petani",
    "Pensiunan",
    "Pencari kerja",
    "Konsultan lepas",
    "Pegiat LSM",
)
_INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "research_education": (
        "Universitas Bengkulu",
        "UIN Fatmawati Sukarno Bengkulu",
        "Universitas Muhammadiyah Bengkulu",
        "Universitas Dehasen Bengkulu",
        "Universitas Prof. Dr. Hazairin, S.H.",
        "Poltekkes Kemenkes Bengkulu",
        "Institut Agama Islam Negeri Curup",
        "SMA Negeri 2 Kota Bengkulu",
        "SMA Negeri 5 Kota Bengkulu",
        "Badan Riset dan Inovasi Nasional",
    ),
    "local_government": (
        "Bappeda Provinsi Bengkulu",
        "Dinas Kesehatan Provinsi Bengkulu",
        "Dinas Pertanian Kabupaten Rejang Lebong",
        "Bappeda Kota Bengkulu",
        "Dinas Sosial Kabupaten Seluma",
        "Dinas Tenaga Kerja dan Transmigrasi Provinsi Bengkulu",
        "Sekretariat Daerah Kabupaten Bengkulu Utara",
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kaur",
        "Dinas Pariwisata Provinsi Bengkulu",
        "Bappeda Kabupaten Mukomuko",
    ),
    "ministry": (
        "Kantor Wilayah Kementerian Agama Provinsi Bengkulu",
        "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Bengkulu",
        "Balai Besar POM di Bengkulu",
        "Kantor Pelayanan Pajak Pratama Bengkulu",
        "Balai Pengkajian Teknologi Pertanian Bengkulu",
    ),
    "security": (
        "Kepolisian Daerah Bengkulu",
        "Komando Resor Militer 041/Garuda Emas",
        "Kejaksaan Tinggi Bengkulu",
    ),
    "state_institution": (
        "Bank Indonesia Provinsi Bengkulu",
        "Badan Pemeriksa Keuangan Perwakilan Provinsi Bengkulu",
        "DPRD Provinsi Bengkulu",
        "Ombudsman RI Perwakilan Bengkulu",
    ),
    "state_enterprise": (
        "PT Bank Rakyat Indonesia (Persero) Tbk",
        "PT PLN (Persero) UP3 Bengkulu",
        "PT Bank Pembangunan Daerah Bengkulu",
        "PT Pelabuhan Indonesia (Persero) Bengkulu",
        "Perum Bulog Kanwil Bengkulu",
    ),
    "private": (
        "CV Maju Bersama",
        "PT Agricinal",
        "Harian Rakyat Bengkulu",
        "PT Sawit Bengkulu Lestari",
        "Koperasi Serba Usaha Sejahtera",
        "Toko Bangunan Sinar Jaya",
        "PT Riset Pasar Nusantara",
    ),
    "international": ("UNICEF Indonesia", "World Bank Indonesia", "Yayasan Plan International"),
    "other": ("Perorangan", "Yayasan Peduli Pesisir", "Lembaga Swadaya Masyarakat Kanopi"),
}
_DISABILITY = {"none": 970, "physical": 14, "sensory": 10, "intellectual": 3, "mental": 3}

_REGIONS = (
    "Provinsi Bengkulu",
    "Kota Bengkulu",
    "Kabupaten Rejang Lebong",
    "Kabupaten Bengkulu Utara",
    "Kabupaten Bengkulu Selatan",
    "Kabupaten Seluma",
    "Kabupaten Kaur",
    "Kabupaten Mukomuko",
    "Kabupaten Lebong",
    "Kabupaten Kepahiang",
    "Kabupaten Bengkulu Tengah",
)
_MONTHS = _words(
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
)

#: (topic, weight, subject, level codes, period code, questions, answers, publications)
_TOPICS: tuple[tuple, ...] = (
    (
        "Inflasi dan Indeks Harga Konsumen",
        16,
        "Inflasi / IHK",
        ("regency", "province"),
        "monthly",
        (
            "Berapa inflasi year-on-year {region} bulan {month} {year}?",
            "Komoditas apa yang paling besar andilnya terhadap inflasi {region} {month} {year}?",
            "Bagaimana cara menghitung inflasi dari Indeks Harga Konsumen?",
        ),
        (
            "Petugas menjelaskan konsep IHK serta inflasi m-to-m, y-to-d dan y-on-y, lalu "
            "menunjukkan tabel inflasi {region} pada website BPS.",
            "Data tersedia pada Berita Resmi Statistik inflasi bulanan; petugas membantu "
            "mengunduh tabel andil komoditas.",
        ),
        (
            (
                "Berita Resmi Statistik",
                "Perkembangan Indeks Harga Konsumen Provinsi Bengkulu {year}",
            ),
        ),
    ),
    (
        "Kemiskinan",
        13,
        "Persentase dan jumlah penduduk miskin",
        ("regency", "province"),
        "semester",
        (
            "Berapa persentase penduduk miskin {region} tahun {year}?",
            "Apa perbedaan garis kemiskinan makanan dan bukan makanan?",
            "Dari survei apa BPS menghitung angka kemiskinan {region}?",
        ),
        (
            "Petugas menjelaskan pendekatan kebutuhan dasar (basic needs) dan sumber data Susenas, "
            "serta menunjukkan tabel kemiskinan {region} di website BPS.",
            "Pengguna diarahkan ke publikasi Profil Kemiskinan dan tabel dinamis garis kemiskinan.",
        ),
        (("Berita Resmi Statistik", "Profil Kemiskinan Provinsi Bengkulu {year}"),),
    ),
    (
        "PDRB dan Pertumbuhan Ekonomi",
        13,
        "PDRB menurut lapangan usaha",
        ("province", "regency"),
        "quarterly",
        (
            "Berapa laju pertumbuhan ekonomi {region} tahun {year}?",
            "Bagaimana membedakan PDRB atas dasar harga berlaku dan harga konstan?",
            "Sektor apa yang paling besar kontribusinya terhadap PDRB {region}?",
        ),
        (
            "Petugas menjelaskan PDRB ADHB dan ADHK 2010 serta cara menghitung laju pertumbuhan, "
            "lalu memberikan tabel PDRB {region} menurut lapangan usaha.",
            "Data PDRB triwulanan tersedia pada Berita Resmi Statistik; data tahunan pada "
            "publikasi PDRB menurut lapangan usaha.",
        ),
        (
            (
                "Publikasi",
                "Produk Domestik Regional Bruto Provinsi Bengkulu Menurut Lapangan Usaha {year}",
            ),
        ),
    ),
    (
        "Indeks Pembangunan Manusia",
        10,
        "IPM dan komponennya",
        ("regency", "province"),
        "annual",
        (
            "Berapa IPM {region} tahun {year} dan bagaimana peringkatnya?",
            "Apa saja komponen penyusun IPM metode baru?",
        ),
        (
            "Petugas menjelaskan dimensi umur panjang, pengetahuan dan standar hidup layak, serta "
            "menunjukkan tabel IPM {region} menurut komponen.",
        ),
        (("Publikasi", "Indeks Pembangunan Manusia Provinsi Bengkulu {year}"),),
    ),
    (
        "Kependudukan dan Sensus Penduduk",
        12,
        "Jumlah penduduk menurut kelompok umur dan jenis kelamin",
        ("district", "regency", "village"),
        "annual",
        (
            "Berapa jumlah penduduk {region} menurut kecamatan hasil Sensus Penduduk 2020?",
            "Apakah tersedia proyeksi penduduk {region} sampai tahun {year}?",
            "Bagaimana mendapatkan data penduduk menurut kelompok umur di {region}?",
        ),
        (
            "Petugas menunjukkan hasil Sensus Penduduk 2020 dan proyeksi penduduk {region} pada "
            "website BPS, serta menjelaskan beda data BPS dan data administrasi Dukcapil.",
            "Data tersedia pada publikasi Kecamatan Dalam Angka; petugas membantu mencari "
            "tabelnya.",
        ),
        (
            ("Publikasi", "Hasil Sensus Penduduk 2020 Provinsi Bengkulu"),
            ("Publikasi", "Kecamatan Dalam Angka {year}"),
        ),
    ),
    (
        "Ketenagakerjaan",
        11,
        "Tingkat pengangguran terbuka dan angkatan kerja",
        ("province", "regency"),
        "semester",
        (
            "Berapa tingkat pengangguran terbuka {region} Agustus {year}?",
            "Apa definisi bekerja dan pengangguran menurut Sakernas?",
        ),
        (
            "Petugas menjelaskan konsep angkatan kerja menurut Sakernas dan memberikan tabel TPT "
            "{region} menurut pendidikan.",
        ),
        (("Publikasi", "Keadaan Angkatan Kerja Provinsi Bengkulu Agustus {year}"),),
    ),
    (
        "Pertanian",
        8,
        "Luas panen dan produksi padi",
        ("regency", "district"),
        "annual",
        (
            "Berapa luas panen dan produksi padi {region} tahun {year}?",
            "Kapan hasil lengkap Sensus Pertanian 2023 untuk {region} dirilis?",
            "Bagaimana perkembangan Nilai Tukar Petani {region}?",
        ),
        (
            "Petugas menjelaskan metode Kerangka Sampel Area dan memberikan tabel luas panen padi "
            "{region}; hasil Sensus Pertanian 2023 ditunjukkan di website BPS.",
        ),
        (
            ("Publikasi", "Luas Panen dan Produksi Padi Provinsi Bengkulu {year}"),
            ("Publikasi", "Hasil Sensus Pertanian 2023 Provinsi Bengkulu"),
        ),
    ),
    (
        "Pariwisata dan Transportasi",
        5,
        "Tingkat penghunian kamar hotel",
        ("province",),
        "monthly",
        ("Berapa tingkat penghunian kamar hotel berbintang {region} bulan {month} {year}?",),
        ("Data TPK tersedia pada Berita Resmi Statistik bulanan pariwisata dan transportasi.",),
        (
            (
                "Berita Resmi Statistik",
                "Perkembangan Pariwisata dan Transportasi Provinsi Bengkulu {year}",
            ),
        ),
    ),
    (
        "Data Mikro",
        7,
        "Data mikro Susenas / Sakernas",
        ("individual",),
        "annual",
        (
            "Bagaimana prosedur memperoleh data mikro Susenas {year} untuk penelitian skripsi?",
            "Variabel apa saja yang tersedia dalam data mikro Sakernas {year}?",
        ),
        (
            "Petugas menjelaskan prosedur permintaan data mikro melalui website silastik, "
            "ketentuan tarif PNBP dan pembebasan tarif untuk mahasiswa.",
        ),
        (("Data mikro", "Survei Sosial Ekonomi Nasional (Susenas)"),),
    ),
    (
        "Rekomendasi Kegiatan Statistik",
        5,
        "Rancangan survei sektoral",
        ("regency", "province"),
        "other",
        (
            "Bagaimana mengajukan rekomendasi kegiatan statistik untuk survei dinas kami?",
            "Berapa ukuran sampel yang memadai untuk survei kepuasan masyarakat di {region}?",
        ),
        (
            "Petugas menjelaskan alur rekomendasi kegiatan statistik melalui Romantik, metadata "
            "kegiatan dan variabel, serta konsultasi desain sampel.",
        ),
        (("Publikasi", "Pedoman Penyelenggaraan Statistik Sektoral"),),
    ),
)
_GENERAL_PUBLICATIONS = (
    ("Publikasi", "Provinsi Bengkulu Dalam Angka {year}"),
    ("Publikasi", "Statistik Daerah Provinsi Bengkulu {year}"),
)
_NEED_MET = {"yes_fit": 78, "yes_not_fit": 10, "no": 4, "not_yet": 8}
_FOLLOW_UP = (
    "Data dikirim melalui e-mail.",
    "Pengguna diarahkan ke layanan pembelian data mikro.",
    "Pengguna akan kembali setelah data dirilis.",
    "Dirujuk ke fungsi teknis terkait untuk penjelasan metodologi.",
    "Pengguna diminta mengajukan surat permohonan resmi.",
)
_SCORES = {4: 58, 3: 34, 2: 6, 1: 2}
_COMMENTS_GOOD = (
    "Pelayanan cepat dan ramah.",
    "Petugas sangat membantu, terima kasih.",
    "Penjelasannya mudah dipahami.",
    "Mantap, datanya lengkap.",
    "Terima kasih BPS!",
    "Ruang tunggu nyaman.",
)
_COMMENTS_BAD = (
    "Antrean terlalu lama.",
    "Data yang saya cari belum tersedia.",
    "Mohon tambah petugas di jam sibuk.",
    "Kurang jelas penjelasannya.",
)
_CANCEL_REASONS = (
    "Pengunjung pulang sebelum dipanggil",
    "Salah memilih layanan",
    "Data sudah diperoleh dari website",
    "Ada keperluan mendesak",
)
_CLOSED_REASON = "Jam layanan berakhir; pengunjung diminta kembali hari kerja berikutnya"
_ONLINE_CHANNELS = {Channel.PORTAL.value: 55, Channel.EMAIL.value: 25, Channel.WHATSAPP.value: 20}

#: the demo staff: (username, full name, role); officers beyond these are numbered
_STAFF = (
    ("admin", "Rudi Hartono, S.Kom.", Role.ADMIN),
    ("supervisor", "Yuliana Sari, S.Si., M.Si.", Role.SUPERVISOR),
    ("resepsionis1", "Nurhayati", Role.RECEPTIONIST),
    ("resepsionis2", "Dian Permata Sari, A.Md.", Role.RECEPTIONIST),
    ("petugas1", "Ahmad Fauzi, S.ST.", Role.OFFICER),
    ("petugas2", "Rina Oktaviani, S.Si.", Role.OFFICER),
    ("petugas3", "Hendra Gunawan, S.E.", Role.OFFICER),
    ("petugas4", "Wulan Maharani, S.Stat.", Role.OFFICER),
)
# service durations in minutes by service code: (low, high, mode)
_DURATION = {
    "consultation": (10, 90, 25),
    "library": (10, 75, 25),
    "data_purchase": (10, 60, 20),
    "recommendation": (15, 90, 40),
}
_P_CANCEL = 0.04
_P_SKIP = 0.05
_P_LONG = 0.015
_P_RETURNING = 0.2
_P_RATED = 0.82
_P_RATED_ONLINE = 0.35
_P_COMMENT = 0.15


class _FastRandom(random.Random):
    """``random.Random`` with cheaper integer and choice draws (same seed, same data)."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1:
            return super().randrange(start, stop, step)
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


_SECONDS = [f"{s:02d}" for s in range(60)]


@functools.lru_cache(maxsize=4096)
def _q(text: str) -> str:
    """``text`` as a JSON string (cached: the demo's texts come from small lists)."""
    return json.dumps(text, ensure_ascii=False)


class _Picker:
    """Weighted choice from a mapping, with precomputed cumulative weights (fast)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, weights: dict) -> None:
        self.items = list(weights)
        self.cum: list[float] = []
        total = 0.0
        for value in weights.values():
            total += value
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.total)]


# -- the summary -----------------------------------------------------------------------------


@dataclass
class DemoSummary:
    office: str
    requested_days: int
    days: list[dt.date] = field(default_factory=list)
    skipped_days: list[dt.date] = field(default_factory=list)
    walk_in_visits: int = 0
    online_visits: int = 0
    new_visitors: int = 0
    consultations: int = 0
    ratings: int = 0
    accounts_created: int = 0
    desks_created: int = 0
    password: str = DEMO_PASSWORD
    seconds: float = field(default=0.0, compare=False)

    @property
    def visits(self) -> int:
        return self.walk_in_visits + self.online_visits

    def __str__(self) -> str:
        span = f"{self.days[0]}..{self.days[-1]}" if self.days else "no days"
        parts = [f"demo data for {self.office}: {len(self.days)} working days ({span})"]
        if self.skipped_days:
            parts.append(f"{len(self.skipped_days)} days skipped (already had visits)")
        if len(self.days) + len(self.skipped_days) < self.requested_days:
            parts.append("fewer working days found than asked")
        parts.append(
            f"{self.visits} visits ({self.walk_in_visits} walk-in, {self.online_visits} online), "
            f"{self.new_visitors} new visitors, {self.consultations} consultations, "
            f"{self.ratings} ratings"
        )
        parts.append(
            f"{self.accounts_created} staff accounts created (password {self.password}), "
            f"{self.desks_created} desks created"
        )
        rate = f", {self.visits / self.seconds:,.0f} visits/s" if self.seconds > 0 else ""
        parts.append(f"in {self.seconds:.1f} s{rate}")
        return "; ".join(parts)


# -- public entry point ----------------------------------------------------------------------


def generate(
    days: int,
    seed: int,
    visits_per_day: int | None = None,
    end: str | dt.date | None = None,
    clock: Clock | None = None,
) -> DemoSummary:
    """Fill the database with ``days`` working days of demo visits ending at ``end``.

    ``end`` defaults to yesterday in the office's time zone and may not lie in the future.
    Days that already hold visits are skipped (and listed in the summary).
    """
    if days < 0:
        raise ValueError("--days must be zero or more")
    if visits_per_day is not None and visits_per_day < 1:
        raise ValueError("--visits-per-day must be at least 1")
    started = time.perf_counter()
    clock = clock or SystemClock()
    if first_office() is None:  # refuse a bad --end before an office is made for the demo
        _parse_end(end, OfficeCalendar(DEFAULT_TIME_ZONE, {}).office_day(clock.now()))
    office = ensure_office(clock)
    calendar = OfficeCalendar.for_office(office.id)
    today = calendar.office_day(clock.now())
    last = _parse_end(end, today)
    mean = visits_per_day or DEFAULT_VISITS_PER_DAY
    summary = DemoSummary(office=office.name, requested_days=days)
    work_days = _working_days(calendar, last, days)
    generator = _Generator(office, calendar, _FastRandom(seed), mean, clock, summary)
    generator.ensure_setup()
    with _bulk_mode(database_proxy.obj):
        position = 0
        while position < len(work_days):
            # several days per transaction: index pages are written once per batch, not per day
            with write_transaction():
                written = summary.visits
                while position < len(work_days) and summary.visits - written < _VISITS_PER_COMMIT:
                    generator.fill_day(work_days[position])
                    position += 1
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_end(end: str | dt.date | None, today: dt.date) -> dt.date:
    if end is None:
        return today - dt.timedelta(days=1)
    if isinstance(end, dt.datetime):
        day = end.date()
    elif isinstance(end, dt.date):
        day = end
    else:
        try:
            day = dt.date.fromisoformat(str(end).strip())
        except ValueError as exc:
            raise ValueError(f"--end must be a date like 2026-11-23, not {end!r}") from exc
    if day > today:
        raise ValueError(f"--end {day} is in the future; demo visits are past visits")
    return day


@contextlib.contextmanager
def _bulk_mode(db: pw.Database) -> Iterator[None]:
    """A big page cache on SQLite while loading (this connection only; restored after)."""
    if not is_sqlite(db):
        yield
        return
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")


def _working_days(calendar: OfficeCalendar, last: dt.date, count: int) -> list[dt.date]:
    """The last ``count`` working days up to ``last``, oldest first."""
    found: list[dt.date] = []
    day = last
    for _ in range(count * 3 + 60):
        if len(found) >= count:
            break
        if calendar.is_working_day(day):
            found.append(day)
        day -= dt.timedelta(days=1)
    found.reverse()
    return found


# -- bulk writing ----------------------------------------------------------------------------


def _columns(fields: Sequence[pw.Field]) -> str:
    return ", ".join(f'"{f.column_name}"' for f in fields)


def _bulk_insert(
    db: pw.Database, model: type[pw.Model], fields: Sequence[pw.Field], rows: list[tuple]
) -> None:
    """Insert plain-value rows fast: ``executemany`` on SQLite, ``COPY`` on PostgreSQL."""
    if not rows:
        return
    table = model._meta.table_name
    columns = _columns(fields)
    if is_sqlite(db):
        marks = ", ".join("?" * len(fields))
        db.cursor().executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
        return
    cursor = db.cursor()
    if hasattr(cursor, "copy"):  # psycopg 3
        with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    for start in range(0, len(rows), 1000):  # any other driver
        model.insert_many(rows[start : start + 1000], fields=list(fields)).execute()


def _reserve_ids(db: pw.Database, model: type[pw.Model], count: int) -> list[int]:
    """``count`` fresh primary keys of ``model``, inside the current write transaction."""
    if count <= 0:
        return []
    table = model._meta.table_name
    if is_sqlite(db):
        top = db.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()[0]
        return list(range(top + 1, top + 1 + count))
    rows = db.execute_sql(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        (table, count),
    ).fetchall()
    return sorted(int(r[0]) for r in rows)


_VISITOR_FIELDS = (
    Visitor.id,
    Visitor.office,
    Visitor.name,
    Visitor.email,
    Visitor.phone,
    Visitor.gender,
    Visitor.birth_year,
    Visitor.education,
    Visitor.occupation,
    Visitor.occupation_other,
    Visitor.institution_category,
    Visitor.institution_name,
    Visitor.disability,
    Visitor.consent,
    Visitor.consent_at,
    Visitor.created_at,
    Visitor.updated_at,
)
_VISIT_FIELDS = (
    Visit.id,
    Visit.office,
    Visit.visitor,
    Visit.service,
    Visit.ticket_service,
    Visit.purpose,
    Visit.channel,
    Visit.day,
    Visit.number,
    Visit.status,
    Visit.desk,
    Visit.officer,
    Visit.issued_by,
    Visit.registration_started_at,
    Visit.issued_at,
    Visit.called_at,
    Visit.service_started_at,
    Visit.finished_at,
    Visit.call_count,
    Visit.cancel_reason,
    Visit.updated_at,
)
_COUNTER_FIELDS = (TicketCounter.service, TicketCounter.day, TicketCounter.last)
_CONSULTATION_FIELDS = (
    Consultation.visit,
    Consultation.officer,
    Consultation.topic,
    Consultation.question,
    Consultation.answer,
    Consultation.data_requested,
    Consultation.publications,
    Consultation.need_met,
    Consultation.follow_up,
    Consultation.notes,
    Consultation.created_at,
    Consultation.updated_at,
)
_RATING_FIELDS = (
    Rating.visit,
    Rating.officer,
    Rating.score,
    Rating.scale_max,
    Rating.comment,
    Rating.created_at,
)


# -- the generator ---------------------------------------------------------------------------


class _Generator:
    def __init__(
        self,
        office: Office,
        calendar: OfficeCalendar,
        rng: random.Random,
        mean: int,
        clock: Clock,
        summary: DemoSummary,
    ) -> None:
        self.office = office
        self.calendar = calendar
        self.rng = rng
        self.mean = mean
        self.clock = clock
        self.summary = summary
        self.db = database_proxy.obj
        self.pool: list[tuple[int, str]] = []  # returning visitors: (id, occupation)
        self.occupation = _Picker({k: v["weight"] for k, v in _OCCUPATIONS.items()})
        self.pickers = {
            code: {key: _Picker(spec[key]) for key in ("education", "institution", "purpose")}
            for code, spec in _OCCUPATIONS.items()
        }
        self.mail_domain = _Picker(dict(_MAIL_DOMAINS))
        self.disability = _Picker(_DISABILITY)
        self.topic = _Picker({i: t[1] for i, t in enumerate(_TOPICS)})
        self.need_met = _Picker(_NEED_MET)
        self.score = _Picker(_SCORES)
        self.online_channel = _Picker(_ONLINE_CHANNELS)

    # -- setup: services, desks, staff -------------------------------------------------------
    def ensure_setup(self) -> None:
        office_id = self.office.id
        now = self.clock.now()
        with write_transaction():
            services = list(ServiceType.select().where(ServiceType.office == office_id))
            codes = {s.code for s in services}
            prefixes = {s.prefix for s in services}
            for order, (code, prefix, name) in enumerate(DEFAULT_SERVICES):
                if code not in codes and prefix not in prefixes:
                    ServiceType.create(
                        office=office_id, code=code, prefix=prefix, name=name, sort_order=order
                    )
            services = list(
                ServiceType.select()
                .where((ServiceType.office == office_id) & (ServiceType.active == True))  # noqa: E712
                .order_by(ServiceType.sort_order, ServiceType.id)
            )
            service_ids = [s.id for s in services]
            open_minutes = (
                max(
                    (
                        (
                            dt.datetime.combine(dt.date.min, closes)
                            - dt.datetime.combine(dt.date.min, opens)
                        )
                        for opens, closes in self.calendar.hours.values()
                    ),
                    default=dt.timedelta(hours=7, minutes=30),
                ).total_seconds()
                / 60
            )
            needed = max(
                2,
                math.ceil(
                    self.mean * _MEAN_SERVICE_MINUTES / (max(open_minutes, 60) * _TARGET_LOAD)
                ),
            )
            desks = list(
                Desk.select()
                .where((Desk.office == office_id) & (Desk.active == True))  # noqa: E712
                .order_by(Desk.id)
            )
            names = {d.name for d in Desk.select(Desk.name).where(Desk.office == office_id)}
            number = 0
            new_desks = []
            while len(desks) + len(new_desks) < needed:
                number += 1
                name = f"Meja {number}"
                if name in names:
                    continue
                new_desks.append({"office": office_id, "name": name})
            if new_desks:
                Desk.insert_many(new_desks).execute()
                self.summary.desks_created = len(new_desks)
                desks = list(
                    Desk.select()
                    .where((Desk.office == office_id) & (Desk.active == True))  # noqa: E712
                    .order_by(Desk.id)
                )
            links: dict[int, set[int]] = {d.id: set() for d in desks}
            for link in DeskService.select().where(DeskService.desk.in_(list(links))):
                links[link.desk_id].add(link.service_id)
            missing = []
            created = {n["name"] for n in new_desks}
            for desk in desks:
                if not links[desk.id] or desk.name in created:
                    for sid in service_ids:
                        if sid not in links[desk.id]:
                            missing.append((desk.id, sid))
                            links[desk.id].add(sid)
            for sid in service_ids:  # every service is served somewhere
                if not any(sid in served for served in links.values()):
                    for desk in desks:
                        missing.append((desk.id, sid))
                        links[desk.id].add(sid)
            if missing:
                DeskService.insert_many(
                    missing, fields=[DeskService.desk, DeskService.service]
                ).execute()
            self.summary.accounts_created = self._ensure_staff(office_id, needed, now)
        self.services = [(s.id, s.code) for s in services]
        self.service_code = dict(self.services)
        by_code = {code: sid for sid, code in self.services}
        uniform = {sid: 1 for sid, _ in self.services}
        self.service_pickers = {
            occupation: _Picker(
                {by_code[c]: w for c, w in spec["service"].items() if c in by_code} or uniform
            )
            for occupation, spec in _OCCUPATIONS.items()
        }
        self.desks = [(d.id, frozenset(links[d.id])) for d in desks]
        officers = UserAccount.select(UserAccount.id).where(
            (UserAccount.office == office_id)
            & (UserAccount.role == Role.OFFICER.value)
            & (UserAccount.active == True)  # noqa: E712
        )
        self.officers = [a.id for a in officers.order_by(UserAccount.id)]
        receptionists = UserAccount.select(UserAccount.id).where(
            (UserAccount.office == office_id)
            & (UserAccount.role == Role.RECEPTIONIST.value)
            & (UserAccount.active == True)  # noqa: E712
        )
        self.receptionists = [a.id for a in receptionists.order_by(UserAccount.id)] or [None]

    def _ensure_staff(self, office_id: int, desks: int, now: dt.datetime) -> int:
        staff = list(_STAFF)
        wanted_officers = max(4, desks + max(1, desks // 4))
        for n in range(5, wanted_officers + 1):
            first = (_MALE + _FEMALE)[(n * 7) % (len(_MALE) + len(_FEMALE))]
            last = _SURNAME_ANY[(n * 11) % len(_SURNAME_ANY)]
            staff.append((f"petugas{n}", f"{first} {last}, S.ST.", Role.OFFICER))
        taken = {
            u.username
            for u in UserAccount.select(UserAccount.username).where(
                UserAccount.username.in_([s[0] for s in staff])
            )
        }
        rows = [s for s in staff if s[0] not in taken]
        if not rows:
            return 0
        from pst_desktop.admin.accounts import hash_password  # argon2: hash once, reuse

        password_hash = hash_password(DEMO_PASSWORD)
        UserAccount.insert_many(
            [
                {
                    "office": office_id,
                    "username": username,
                    "full_name": full_name,
                    "role": role.value,
                    "password_hash": password_hash,
                    "created_at": now,
                }
                for username, full_name, role in rows
            ]
        ).execute()
        return len(rows)

    # -- one office day ----------------------------------------------------------------------
    def _day_taken(self, day: dt.date) -> bool:
        if (
            Visit.select(Visit.id)
            .where((Visit.office == self.office.id) & (Visit.day == day))
            .exists()
        ):
            return True
        return (
            TicketCounter.select(TicketCounter.id)
            .where(
                TicketCounter.service.in_([sid for sid, _ in self.services])
                & (TicketCounter.day == day)
            )
            .exists()
        )

    def fill_day(self, day: dt.date) -> None:
        """Write one office day (inside the caller's transaction), or skip a day already used."""
        span = self.calendar.hours_on(day)
        if span is None or not self.services:
            return
        if self._day_taken(day):
            self.summary.skipped_days.append(day)
            return
        self._write_day(day, span)
        self.summary.days.append(day)

    def _new_visitor(self, moment: str, year: int) -> tuple[tuple, str]:
        """The row of a new guest-book visitor (id filled in later) and their occupation."""
        rng = self.rng
        occupation = self.occupation(rng)
        spec = _OCCUPATIONS[occupation]
        pick = self.pickers[occupation]
        female = rng.random() < 0.52
        if female:
            first = rng.choice(_FEMALE)
            last = rng.choice(_SURNAME_FEMALE if rng.random() < 0.45 else _SURNAME_ANY)
        else:
            first = rng.choice(_MALE)
            if first != "Ahmad" and rng.random() < 0.12:
                first = f"Muhammad {first}"
            last = rng.choice(_SURNAME_MALE if rng.random() < 0.45 else _SURNAME_ANY)
        name = f"{first} {last}"
        if rng.random() < 0.15:
            middle = rng.choice(_FEMALE if female else _MALE)
            if middle not in name:
                name = f"{first} {middle} {last}"
        local = first.split()[-1].lower()
        style = rng.random()
        if style < 0.4:
            local = f"{local}.{last.lower()}"
        elif style < 0.7:
            local = f"{local}{last.lower()}{rng.randint(1, 99)}"
        else:
            local = f"{local}_{last.lower()[:4]}{rng.randint(80, 2009)}"
        if occupation == "student" and rng.random() < 0.25:
            domain = "mhs.unib.ac.id"
        elif occupation == "civil_servant" and rng.random() < 0.2:
            domain = "bengkuluprov.go.id"
        else:
            domain = self.mail_domain(rng)
        phone = f"{rng.choice(_PHONE_PREFIXES)}{rng.randint(1_000_000, 99_999_999)}"
        low, high, mode = spec["age"]
        birth_year = year - round(rng.triangular(low, high, mode))
        category = pick["institution"](rng)
        institution = rng.choice(_INSTITUTIONS[category])
        row = (
            None,
            self.office.id,
            name,
            f"{local}@{domain}",
            phone,
            "female" if female else "male",
            birth_year,
            pick["education"](rng),
            occupation,
            rng.choice(_OCCUPATION_OTHER) if occupation == "other" else "",
            category,
            institution,
            self.disability(rng),
            True,
            moment,
            moment,
            moment,
        )
        return row, occupation

    def _consultation(self, visit_id: int, officer: int | None, day: dt.date, at: str) -> tuple:
        rng = self.rng
        topic, _, subject, levels, period, questions, answers, publications = _TOPICS[
            self.topic(rng)
        ]
        region = rng.choice(_REGIONS)
        year = day.year - (1 if rng.random() < 0.7 else rng.randint(2, 4))
        month = _MONTHS[rng.randrange(12)]
        question = rng.choice(questions).format(region=region, year=year, month=month)
        answer = rng.choice(answers).format(region=region)
        year_from = year - rng.choice((0, 0, 1, 2, 4, 9))
        data = (
            f'[{{"subject": {_q(subject)}, "region": {_q(region)}, "year_from": {year_from}, '
            f'"year_to": {year}, "level": {_q(rng.choice(levels))}, "period": {_q(period)}}}]'
        )
        kind, title = rng.choice(publications)
        published = year + 1
        pubs = (
            f'{{"type": {_q(kind)}, "title": {_q(title.format(year=published))}, '
            f'"year": {published}}}'
        )
        if rng.random() < 0.3:
            kind, title = rng.choice(_GENERAL_PUBLICATIONS)
            pubs += (
                f', {{"type": {_q(kind)}, "title": {_q(title.format(year=day.year))}, '
                f'"year": {day.year}}}'
            )
        follow_up = rng.choice(_FOLLOW_UP) if rng.random() < 0.3 else ""
        return (
            visit_id,
            officer,
            topic,
            question,
            answer,
            data,
            f"[{pubs}]",
            self.need_met(rng),
            follow_up,
            "",
            at,
            at,
        )

    def _write_day(self, day: dt.date, span: tuple[dt.datetime, dt.datetime]) -> None:
        rng = self.rng
        opens, closes = span
        base = opens.astimezone(_UTC).replace(tzinfo=None)
        width = int((closes - opens).total_seconds())
        # "YYYY-MM-DD HH:MM:" per minute of the day's window and ":SS" per second: building a
        # stamp is then two lookups (the same text peewee stores for a naive UTC datetime)
        first = base.replace(second=0, microsecond=0)
        lead = int((base - first).total_seconds())
        minutes = []
        for m in range((lead + width) // 60 + 1):
            moment = first + dt.timedelta(minutes=m)
            minutes.append(f"{moment.date()} {moment.hour:02d}:{moment.minute:02d}:")

        def stamp(offset: int) -> str:
            t = lead + offset
            return minutes[t // 60] + _SECONDS[t % 60]

        factor = _WEEKDAY_FACTOR.get(day.weekday(), 0.5) * rng.uniform(0.8, 1.2)
        n_walk = max(1, round(self.mean * factor))
        n_online = round(rng.uniform(0, 2 * self.mean * 0.06))
        latest = max(600, width - 3600)  # registration starts at least an hour before closing
        peak = latest * 0.25

        # 1. who comes when, for what
        used_today: set[int] = set()
        new_rows: list[list] = []
        items: list[list] = []  # [issue, reg, channel, visitor_ref, occupation, service_id]
        code_to_id = {code: sid for sid, code in self.services}
        for k in range(n_walk + n_online):
            online = k >= n_walk
            if online:
                reg = None
                issue = rng.randrange(latest)
            else:
                reg = (
                    int(rng.triangular(0, latest, peak))
                    if rng.random() < 0.6
                    else rng.randrange(latest)
                )
                issue = reg + rng.randint(120, 720)
            visitor_ref: int | list
            if self.pool and rng.random() < _P_RETURNING:
                visitor_id, occupation = self.pool[rng.randrange(len(self.pool))]
                if visitor_id in used_today:
                    visitor_id = None
                else:
                    used_today.add(visitor_id)
            else:
                visitor_id = None
            if visitor_id is None:
                row, occupation = self._new_visitor(
                    stamp(reg if reg is not None else issue), day.year
                )
                row = list(row)
                new_rows.append(row)
                visitor_ref = row
            else:
                visitor_ref = visitor_id
            if online:
                service_id = code_to_id.get("consultation", self.services[0][0])
                channel = self.online_channel(rng)
            else:
                service_id = self.service_pickers[occupation](rng)
                channel = _WALK_IN
            purpose = self.pickers[occupation]["purpose"](rng)
            items.append([issue, reg, channel, visitor_ref, purpose, service_id])
        items.sort(key=lambda item: (item[0], item[2] != _WALK_IN))

        # 2. ids and numbers
        db = self.db
        for row, vid in zip(new_rows, _reserve_ids(db, Visitor, len(new_rows)), strict=True):
            row[0] = vid
        visit_ids = _reserve_ids(db, Visit, len(items))
        counters: dict[int, int] = {}
        # 3. the desks: one officer each today, the first free desk calls the next ticket
        desks = self.desks
        officers = self.officers
        if len(officers) >= len(desks):
            staffed = list(zip(desks, rng.sample(officers, len(desks)), strict=True))
        else:
            staffed = list(zip(rng.sample(desks, len(officers)), officers, strict=True))
        heap = [(0, k) for k in range(len(staffed))]
        order = []
        for index, item in enumerate(items):
            issue = item[0]
            if item[2] == _WALK_IN:
                ready = issue + rng.randint(15, 90)
            else:
                ready = min(issue + rng.randint(300, 9000), width - 1200)
            order.append((max(ready, issue), index))
        order.sort()

        visits: list[tuple | None] = [None] * len(items)
        consultations: list[tuple] = []
        ratings: list[tuple] = []
        consultation_ids = {sid for sid, code in self.services if code == "consultation"}
        for sid in sorted({item[5] for item in items if item[2] == _WALK_IN}):
            counters[sid] = 0
        numbers: dict[int, int | None] = {}
        for index, item in enumerate(items):  # numbers follow issue order, gap-free
            if item[2] == _WALK_IN:
                counters[item[5]] += 1
                numbers[index] = counters[item[5]]
            else:
                numbers[index] = None
        receptionists = self.receptionists
        walk_in = _WALK_IN
        for ready, index in order:
            issue, reg, channel, visitor_ref, purpose, service_id = items[index]
            visit_id = visit_ids[index]
            visitor_id = visitor_ref[0] if isinstance(visitor_ref, list) else visitor_ref
            is_walk_in = channel == walk_in
            issued_by = receptionists[rng.randrange(len(receptionists))] if is_walk_in else None
            head = (
                visit_id,
                self.office.id,
                visitor_id,
                service_id,
                service_id,
                purpose,
                channel,
                day,
                numbers[index],
            )
            reg_s = stamp(reg) if reg is not None else None
            issue_s = stamp(issue)
            roll = rng.random()
            if is_walk_in and roll < _P_CANCEL:
                left = min(issue + rng.randint(180, 1800), width)
                visits[index] = (
                    *head, _CANCELLED, None, None, issued_by,
                    reg_s, issue_s, None, None, None, 0, rng.choice(_CANCEL_REASONS), stamp(left),
                )  # fmt: skip
                continue
            # the desk that frees first among those serving this service
            aside = []
            chosen = None
            while heap:
                free, k = heapq.heappop(heap)
                if service_id in staffed[k][0][1]:
                    chosen = (free, k)
                    break
                aside.append((free, k))
            for entry in aside:
                heapq.heappush(heap, entry)
            call = max(ready, chosen[0]) if chosen else width
            if chosen is None or call > width - 300:
                if chosen is not None:
                    heapq.heappush(heap, chosen)
                visits[index] = (
                    *head, _CANCELLED, None, None, issued_by,
                    reg_s, issue_s, None, None, None, 0, _CLOSED_REASON, stamp(width),
                )  # fmt: skip
                continue
            k = chosen[1]
            (desk_id, _), officer_id = staffed[k]
            if is_walk_in and roll < _P_CANCEL + _P_SKIP:
                gone = min(call + rng.randint(60, 180), width)
                heapq.heappush(heap, (gone, k))
                visits[index] = (
                    *head, _SKIPPED, desk_id, officer_id, issued_by,
                    reg_s, issue_s, stamp(call), None, None, rng.randint(2, 3), "", stamp(gone),
                )  # fmt: skip
                continue
            if is_walk_in:
                start = min(call + rng.randint(30, 150), width - 240)
                low, high, mode = _DURATION.get(self.service_code[service_id], (10, 60, 20))
                if service_id in consultation_ids and rng.random() < _P_LONG:
                    length = rng.randint(185 * 60, 215 * 60)
                else:
                    length = int(rng.triangular(low, high, mode) * 60)
            else:
                start = call
                length = rng.randint(10 * 60, 45 * 60)
            finish = min(start + length, width)
            heapq.heappush(heap, (min(finish + rng.randint(20, 120), width), k))
            finish_s = stamp(finish)
            updated = finish
            if rng.random() < (_P_RATED if is_walk_in else _P_RATED_ONLINE):
                rated = min(finish + rng.randint(15, 240), width)
                score = self.score(rng)
                comment = ""
                if rng.random() < _P_COMMENT:
                    comment = rng.choice(_COMMENTS_GOOD if score >= 3 else _COMMENTS_BAD)
                ratings.append((visit_id, officer_id, score, SCALE_MAX, comment, stamp(rated)))
                updated = rated
            if service_id in consultation_ids:
                consultations.append(self._consultation(visit_id, officer_id, day, finish_s))
            visits[index] = (
                *head, _DONE, desk_id if is_walk_in else None, officer_id,
                issued_by, reg_s, issue_s, stamp(call), stamp(start), finish_s,
                1 if is_walk_in else 0, "", stamp(updated),
            )  # fmt: skip

        # 4. write
        _bulk_insert(db, Visitor, _VISITOR_FIELDS, [tuple(r) for r in new_rows])
        _bulk_insert(db, Visit, _VISIT_FIELDS, visits)  # type: ignore[arg-type]
        _bulk_insert(db, TicketCounter, _COUNTER_FIELDS, [(s, day, n) for s, n in counters.items()])
        consultations.sort()
        ratings.sort()
        _bulk_insert(db, Consultation, _CONSULTATION_FIELDS, consultations)
        _bulk_insert(db, Rating, _RATING_FIELDS, ratings)
        self.pool.extend((row[0], row[8]) for row in new_rows)
        summary = self.summary
        summary.walk_in_visits += n_walk
        summary.online_visits += n_online
        summary.new_visitors += len(new_rows)
        summary.consultations += len(consultations)
        summary.ratings += len(ratings)
