"""Read the guest-book lists (seeded by the migrations, editable by an admin)."""

from __future__ import annotations

from dataclasses import dataclass

from models.entities import CategoryOption


@dataclass(frozen=True)
class Option:
    code: str
    label_id: str
    label_en: str

    def label(self, language: str = "id") -> str:
        return self.label_en if language == "en" else self.label_id


def options(list_name: str, include_inactive: bool = False) -> list[Option]:
    query = CategoryOption.select().where(CategoryOption.list_name == list_name)
    if not include_inactive:
        query = query.where(CategoryOption.active == True)  # noqa: E712
    return [
        Option(o.code, o.label_id, o.label_en)
        for o in query.order_by(CategoryOption.sort_order, CategoryOption.id)
    ]


def codes(list_name: str) -> set[str]:
    return {o.code for o in options(list_name)}


def label(list_name: str, code: str, language: str = "id") -> str:
    for option in options(list_name, include_inactive=True):
        if option.code == code:
            return option.label(language)
    return code
