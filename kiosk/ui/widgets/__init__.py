"""Self-contained widgets the screens place: the PIN pad and its mirror, the status bar, the idle watcher, and
what lets long texts fit a kiosk screen (a wrapping button, a flowing row of buttons, a scrolling column)."""
