"""Counter mode's "today" view: the day's counts, charts, reconciliation on screen, and the exports."""
