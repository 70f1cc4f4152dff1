"""Pure rules of the e-certificate procedures: no I/O, no clock (callers pass dates), no Qt, no database."""
