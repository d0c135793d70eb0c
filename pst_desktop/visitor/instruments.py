"""The two survey instruments as facts, and what counts as a low rating.

- **IKM** (Indeks Kepuasan Masyarakat, PermenPANRB No. 14/2017): 9 elements (unsur), each
  asked with the regulation's question and its four answers, scored 1–4.  The elements and
  their wording are the regulation's: no admin edits them (``pst_desktop.admin.survey_settings``
  refuses it).  The Indonesian is the regulation's sample questionnaire; the English is ours.
- **SKD** (Survei Kebutuhan Data): attributes scored 1–10 for importance and for satisfaction;
  the attributes are data (``SkdAttribute``), seeded by schema step 9 and edited by the admin.

The wording is data in both languages (like the SKD attributes and the guest-book lists), picked
by the language of the screen or the report (``"id"`` / ``"en"``), so that the regulation's
Indonesian cannot drift with a translation file.  The sentences a service says (refusals) go
through Qt translation as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.entities import SurveyInstrument

IKM_MIN, IKM_MAX = 1, 4
SKD_MIN, SKD_MAX = 1, 10

#: the aspects an answer scores: an IKM element's score; an SKD attribute's two
ASPECT_SCORE = "score"
ASPECT_IMPORTANCE = "importance"
ASPECT_SATISFACTION = "satisfaction"
ASPECTS: dict[SurveyInstrument, tuple[str, ...]] = {
    SurveyInstrument.IKM: (ASPECT_SCORE,),
    SurveyInstrument.SKD: (ASPECT_IMPORTANCE, ASPECT_SATISFACTION),
}
SCALES: dict[SurveyInstrument, tuple[int, int]] = {
    SurveyInstrument.IKM: (IKM_MIN, IKM_MAX),
    SurveyInstrument.SKD: (SKD_MIN, SKD_MAX),
}


@dataclass(frozen=True)
class IkmElement:
    code: str  # "U1" … "U9", the regulation's order
    name_id: str
    name_en: str
    question_id: str
    question_en: str
    answers_id: tuple[str, str, str, str]  # the words of scores 1, 2, 3, 4
    answers_en: tuple[str, str, str, str]

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_id

    def question(self, language: str) -> str:
        return self.question_en if language == "en" else self.question_id

    def answers(self, language: str) -> tuple[str, str, str, str]:
        return self.answers_en if language == "en" else self.answers_id


IKM_ELEMENTS: tuple[IkmElement, ...] = (
    IkmElement(
        "U1",
        "Persyaratan",
        "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?",
        "How well do the service's requirements fit the kind of service?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not fitting", "Barely fitting", "Fitting", "Very fitting"),
    ),
    IkmElement(
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        "System, mechanism and procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy is the service's procedure at this office?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Barely easy", "Easy", "Very easy"),
    ),
    IkmElement(
        "U3",
        "Waktu Penyelesaian",
        "Time to complete",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "How quickly were you served?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not quick", "Barely quick", "Quick", "Very quick"),
    ),
    IkmElement(
        "U4",
        "Biaya/Tarif",
        "Cost / fee",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "How fair is what the service costs?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Rather expensive", "Cheap", "Free"),
    ),
    IkmElement(
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        "What the service delivers",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
        "dalam standar pelayanan dengan hasil yang diberikan?",
        "How well does what you received match what the service standard promises?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not matching", "Barely matching", "Matching", "Fully matching"),
    ),
    IkmElement(
        "U6",
        "Kompetensi Pelaksana",
        "Staff competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Barely competent", "Competent", "Very competent"),
    ),
    IkmElement(
        "U7",
        "Perilaku Pelaksana",
        "Staff behaviour",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan "
        "dan keramahan?",
        "How polite and friendly were the staff?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        (
            "Not polite or friendly",
            "Barely polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
    ),
    IkmElement(
        "U8",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of complaints and suggestions",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "How are complaints from service users handled?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
        (
            "There is no way to complain",
            "There is one, but it does not work",
            "It works, not fully",
            "It is well managed",
        ),
    ),
    IkmElement(
        "U9",
        "Sarana dan Prasarana",
        "Facilities",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "How good are the facilities?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ("Poor", "Fair", "Good", "Very good"),
    ),
)
IKM_CODES: tuple[str, ...] = tuple(e.code for e in IKM_ELEMENTS)
_BY_CODE = {e.code: e for e in IKM_ELEMENTS}


def ikm_element(code: str) -> IkmElement | None:
    return _BY_CODE.get(code)


# -- the reasons after a low rating -------------------------------------------------------------
@dataclass(frozen=True)
class ReasonChip:
    """A reason a visitor can tap after a low face: an IKM element in the visitor's words."""

    element: str
    text_id: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_id


#: the chips shown after a low face, in this order
REASON_CHIPS: tuple[ReasonChip, ...] = (
    ReasonChip("U3", "Waktu tunggu", "Waiting time"),
    ReasonChip("U7", "Sikap petugas", "Staff behaviour"),
    ReasonChip("U9", "Sarana dan prasarana", "Facilities"),
    ReasonChip("U1", "Persyaratan", "Requirements"),
)


def is_low_rating(score: int, scale_max: int) -> bool:
    """A rating in the lower half of its scale: 1–2 of 4, 1–2 of 5 (3 is the middle), 1–3 of
    6, 1 of 2 or 3.  Such a rating asks the visitor for reasons and opens a follow-up."""
    return 1 <= score <= scale_max // 2
