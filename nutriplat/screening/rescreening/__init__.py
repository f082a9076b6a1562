"""The rescreening work list: the 06:00 job lists every client due for a (re)screening as
a task with an assigned dietitian, and a screening performed closes it."""
