"""Enrolment of a terminal: its key and certificate, site, mode, service URL, and the reader self-test."""
