"""Named jobs, each idempotent per period (a month or a date): the scheduler (issue 9),
the CLI (``nutriplat jobs run NAME``) and tests all run them through ``registry``."""
