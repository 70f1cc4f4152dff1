"""The office's reports: the terminal's and the site's counts over a period, as CSV (here) and PDF (kiosk.ui).

Nothing personal goes into a report: procedures are counted, and staff appear only by their IDs.
"""
