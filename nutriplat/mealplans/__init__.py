"""Diet profiles and personalised weekly meal plans, optimised with OR-Tools CP-SAT."""
