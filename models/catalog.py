"""The guest-book (buku tamu) lists of the SKD "Blok I", as seed data (DOMAIN.md).

Each list holds (code, Indonesian label, English label).  The codes are stable identifiers stored
on visitors and visits; the labels are what staff see and can be edited by an admin.
"""

from __future__ import annotations

GUEST_BOOK_LISTS: dict[str, list[tuple[str, str, str]]] = {
    "gender": [
        ("male", "Laki-laki", "Male"),
        ("female", "Perempuan", "Female"),
    ],
    "education": [
        ("upto_high_school", "≤ SLTA/Sederajat", "Up to senior high school"),
        ("diploma", "D1/D2/D3", "Diploma (D1/D2/D3)"),
        ("bachelor", "D4/S1", "Bachelor (D4/S1)"),
        ("master", "S2", "Master (S2)"),
        ("doctorate", "S3", "Doctorate (S3)"),
    ],
    "occupation": [
        ("student", "Pelajar/Mahasiswa", "Student"),
        ("researcher", "Peneliti/Dosen", "Researcher / lecturer"),
        ("civil_servant", "ASN/TNI/Polri", "Civil servant / military / police"),
        ("state_enterprise", "Pegawai BUMN/BUMD", "State-owned enterprise employee"),
        ("private_employee", "Pegawai Swasta", "Private employee"),
        ("entrepreneur", "Wiraswasta", "Self-employed"),
        ("other", "Lainnya", "Other"),
    ],
    "institution_category": [
        ("state_institution", "Lembaga Negara", "State institution"),
        ("ministry", "Kementerian & Lembaga Pemerintah", "Ministry / government agency"),
        ("security", "TNI/Polri/BIN/Kejaksaan", "Military / police / intelligence / prosecution"),
        ("local_government", "Pemerintah Daerah", "Local government"),
        ("international", "Lembaga Internasional", "International organisation"),
        ("research_education", "Lembaga Penelitian & Pendidikan", "Research & education"),
        ("state_enterprise", "BUMN/BUMD", "State-owned enterprise"),
        ("private", "Swasta", "Private sector"),
        ("other", "Lainnya", "Other"),
    ],
    "purpose": [
        ("school_assignment", "Tugas Sekolah/Tugas Kuliah", "School / university assignment"),
        ("government", "Pemerintah", "Government"),
        ("commercial", "Komersial", "Commercial"),
        ("research", "Penelitian", "Research"),
        ("other", "Lainnya", "Other"),
    ],
    "service_wanted": [
        ("library", "Perpustakaan", "Library"),
        ("publication_purchase", "Pembelian Publikasi BPS", "Purchase of BPS publications"),
        (
            "microdata_purchase",
            "Pembelian Data Mikro/Peta Wilkerstat",
            "Purchase of microdata / maps",
        ),
        (
            "website_products",
            "Akses Produk Statistik pada Website BPS",
            "Statistical products on the BPS website",
        ),
        ("consultation", "Konsultasi Statistik", "Statistical consultation"),
        (
            "activity_recommendation",
            "Rekomendasi Kegiatan Statistik",
            "Statistical activity recommendation",
        ),
    ],
    "channel": [
        ("walk_in", "PST datang langsung", "Walk-in at the PST"),
        ("portal", "PST online (portal)", "PST online (portal)"),
        ("website", "Website BPS/AllStats", "BPS website / AllStats"),
        ("email", "Surat/E-mail", "Letter / e-mail"),
        ("whatsapp", "Aplikasi chat (WhatsApp, Telegram…)", "Chat app (WhatsApp, Telegram…)"),
        ("phone", "Telepon", "Phone"),
        ("letter", "Surat", "Letter"),
        ("other", "Lainnya", "Other"),
    ],
    "disability": [
        ("none", "Tidak", "No"),
        ("physical", "Ya, fisik", "Yes, physical"),
        ("intellectual", "Ya, intelektual", "Yes, intellectual"),
        ("mental", "Ya, mental", "Yes, mental"),
        ("sensory", "Ya, sensorik", "Yes, sensory"),
    ],
    "need_met": [
        ("yes_fit", "Ya, sesuai", "Yes, as needed"),
        ("yes_not_fit", "Ya, tidak sesuai", "Yes, but not as needed"),
        ("no", "Tidak", "No"),
        ("not_yet", "Belum", "Not yet"),
    ],
    "data_level": [
        ("national", "Nasional", "National"),
        ("province", "Provinsi", "Province"),
        ("regency", "Kabupaten/Kota", "Regency / city"),
        ("district", "Kecamatan", "District"),
        ("village", "Desa/Kelurahan", "Village"),
        ("individual", "Individu", "Individual"),
        ("other", "Lainnya", "Other"),
    ],
    "data_period": [
        ("annual", "Tahunan", "Annual"),
        ("semester", "Semesteran", "Semi-annual"),
        ("quarterly", "Triwulanan", "Quarterly"),
        ("monthly", "Bulanan", "Monthly"),
        ("other", "Lainnya", "Other"),
    ],
}

#: the services an office starts with: (code, ticket prefix, Indonesian name)
DEFAULT_SERVICES: list[tuple[str, str, str]] = [
    ("consultation", "K", "Konsultasi Statistik"),
    ("library", "P", "Perpustakaan"),
    ("data_purchase", "D", "Pembelian Data Mikro/Peta & Publikasi"),
    ("recommendation", "R", "Rekomendasi Kegiatan Statistik"),
]
