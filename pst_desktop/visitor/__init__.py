"""What the visitor sees: the waiting-room board and the rating screen, and the ratings they
give.
"""
