"""The PySide6 application: windows, screens and widgets over the flows (the only layer that imports Qt)."""
