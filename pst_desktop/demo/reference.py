"""What the demo office looks like: names, occupations, institutions, regions, questions asked,
comments, the staff, and the odds the simulated days follow (all plain data).

Weights are relative (``{"gmail.com": 70, …}``); ``P_*`` are probabilities per visit.  The
occupations drive the rest of a visitor: education, age, institution, purpose and the service
wanted, so students, researchers and civil servants are the bulk, as at a real BPS desk.
"""

from __future__ import annotations

from models.entities import Channel, Role

#: walk-ins on a weekday relative to the mean (Monday busiest, Friday quietest)
WEEKDAY_FACTOR = {0: 1.15, 1: 1.05, 2: 1.0, 3: 0.95, 4: 0.85}
MEAN_SERVICE_MINUTES = 36  # service + call overhead, averaged over the services
TARGET_LOAD = 0.65  # share of the desks' open time spent serving


def _words(text: str) -> list[str]:
    return text.split()


MALE = _words(
    "Ahmad Rahmat Budi Andi Dedi Eko Fajar Hendra Irfan Joko Rizki Agus Bayu Dimas Arif "
    "Yudi Hadi Ilham Reza Taufik Wahyu Yoga Rudi Doni Fikri Aditya Fauzan Gilang Haris "
    "Iqbal Novri Rio Sandi Zulkifli Heri Teguh Ari Rian Alif Bima Firdaus Ikhsan Luthfi "
    "Rendi Yusuf"
)
FEMALE = _words(
    "Siti Dewi Sri Rina Nur Putri Ayu Fitri Indah Maya Nadia Rahma Sari Wulan Yuni Anisa "
    "Dinda Eka Intan Kartika Lusi Mega Novita Ratna Tika Vina Winda Zahra Aulia Citra "
    "Desi Nurul Annisa Febri Melati Rini Yulia Salsabila Tiara Aprilia Dwi Rosa Septi"
)
SURNAME_ANY = _words(
    "Hidayat Santoso Wijaya Kurniawan Setiawan Nugroho Siregar Harahap Nasution Lubis "
    "Hasibuan Simanjuntak Rahman Hakim Kusuma Hasan Sembiring Ginting Tarigan Rangkuti "
    "Daulay Marpaung Effendi Alamsyah Hutapea Manurung Syahrial Zainal Arifin Sinaga "
    "Pohan Matondang"
)
SURNAME_MALE = _words(
    "Pratama Saputra Syahputra Firmansyah Ramadhan Gunawan Wibowo Prasetyo Irawan Fauzi "
    "Hermawan Permana Kurniadi Maulana"
)
SURNAME_FEMALE = _words(
    "Putri Saputri Lestari Wati Anggraini Permatasari Maharani Oktaviani Rahmawati "
    "Susanti Handayani Wulandari Puspitasari Novianti"
)

MAIL_DOMAINS = (
    ("gmail.com", 70),
    ("yahoo.com", 10),
    ("yahoo.co.id", 8),
    ("outlook.com", 5),
    ("hotmail.com", 3),
    ("icloud.com", 2),
    ("ymail.com", 2),
)
PHONE_PREFIXES = _words(
    "0811 0812 0813 0821 0822 0823 0852 0853 0851 0877 0878 0817 0818 0819 0859 0831 0832 "
    "0838 0895 0896 0897 0898 0881 0882 0887"
)

#: occupation code → weight, education, (min, max, mode) age, institution categories,
#: purposes, services wanted (by service code)
OCCUPATIONS: dict[str, dict] = {
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
OCCUPATION_OTHER = (
    "Ibu rumah tangga",
    "Jurnalis",
    "Petani",
    "Pensiunan",
    "Pencari kerja",
    "Konsultan lepas",
    "Pegiat LSM",
)
INSTITUTIONS: dict[str, tuple[str, ...]] = {
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
DISABILITY = {"none": 970, "physical": 14, "sensory": 10, "intellectual": 3, "mental": 3}

REGIONS = (
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
MONTHS = _words(
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
)

#: (topic, weight, subject, level codes, period code, questions, answers, publications)
TOPICS: tuple[tuple, ...] = (
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
GENERAL_PUBLICATIONS = (
    ("Publikasi", "Provinsi Bengkulu Dalam Angka {year}"),
    ("Publikasi", "Statistik Daerah Provinsi Bengkulu {year}"),
)
NEED_MET = {"yes_fit": 78, "yes_not_fit": 10, "no": 4, "not_yet": 8}
FOLLOW_UP = (
    "Data dikirim melalui e-mail.",
    "Pengguna diarahkan ke layanan pembelian data mikro.",
    "Pengguna akan kembali setelah data dirilis.",
    "Dirujuk ke fungsi teknis terkait untuk penjelasan metodologi.",
    "Pengguna diminta mengajukan surat permohonan resmi.",
)
SCORES = {4: 58, 3: 34, 2: 6, 1: 2}
COMMENTS_GOOD = (
    "Pelayanan cepat dan ramah.",
    "Petugas sangat membantu, terima kasih.",
    "Penjelasannya mudah dipahami.",
    "Mantap, datanya lengkap.",
    "Terima kasih BPS!",
    "Ruang tunggu nyaman.",
)
COMMENTS_BAD = (
    "Antrean terlalu lama.",
    "Data yang saya cari belum tersedia.",
    "Mohon tambah petugas di jam sibuk.",
    "Kurang jelas penjelasannya.",
)
CANCEL_REASONS = (
    "Pengunjung pulang sebelum dipanggil",
    "Salah memilih layanan",
    "Data sudah diperoleh dari website",
    "Ada keperluan mendesak",
)
CLOSED_REASON = "Jam layanan berakhir; pengunjung diminta kembali hari kerja berikutnya"
ONLINE_CHANNELS = {Channel.PORTAL.value: 55, Channel.EMAIL.value: 25, Channel.WHATSAPP.value: 20}

#: every demo account gets this password (printed in the summary)
DEMO_PASSWORD = "demo12345"

#: the demo staff: (username, full name, role); officers beyond these are numbered
STAFF = (
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
DURATION = {
    "consultation": (10, 90, 25),
    "library": (10, 75, 25),
    "data_purchase": (10, 60, 20),
    "recommendation": (15, 90, 40),
}
P_CANCEL = 0.04
P_SKIP = 0.05
P_LONG = 0.015
P_RETURNING = 0.2
P_RATED = 0.82
P_RATED_ONLINE = 0.35
P_COMMENT = 0.15
