"""The visitor-facing screens: the rating screen (kiosk) and the waiting-room display board.

Neither shows a visitor's name, phone or e-mail: only ticket numbers, desks and officers.
"""
