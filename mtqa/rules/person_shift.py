"""(to be written)"""

RULES = ()
