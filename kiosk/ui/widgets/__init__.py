"""Self-contained widgets the screens place: the PIN pad and its mirror, the status bar, the idle watcher."""
