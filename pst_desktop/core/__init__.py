"""What every part uses: the clock, errors, text cleaning, files, paths, translation, the log and
this PC's settings.
"""
