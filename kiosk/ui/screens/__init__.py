"""The screens: small widgets, each showing one thing and saying what the person chose through signals.

Screens hold no state beyond what they show, know nothing of the flows' internals, and retranslate
themselves when the language changes. The controller (kiosk.ui.controller) decides which one is shown.
"""
