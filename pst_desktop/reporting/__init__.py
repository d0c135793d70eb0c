"""Reports: the month's figures, the IKM, today at a glance, and their PDF and XLSX files.

A date range's report: ``reports.py`` (``build_report``) puts together the sections read by
``queries.py`` into the dataclasses of ``figures.py``, with the words of ``labels.py`` and the
SQL pieces of ``sql.py``; the visitor's-voice sections (surveys, follow-ups, unmet demand) have
the same four parts in ``voice_figures.py``, ``voice_queries.py``, ``voice_pdf.py`` and
``voice_xlsx.py``.  ``pdf.py`` and ``xlsx.py`` (with ``raw_rows.py``) write the files,
``writer.py`` does either for a window's worker.  ``ikm.py`` computes the survey index,
``who_did_what.py`` the work per officer and desk, ``today.py`` the supervisor's live day.
"""
