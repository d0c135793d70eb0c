"""The receptionist station (SOP steps 2 and 4): guest book, queue tickets, the live queue."""

from ui.reception.window import ReceptionWindow

__all__ = ["ReceptionWindow"]
