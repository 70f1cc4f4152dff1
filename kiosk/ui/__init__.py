"""The counter and kiosk application (PySide6 over qasync)."""
