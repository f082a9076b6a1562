"""careteam: the people around a client who are told of their alerts — GP, home nurse,
facility, caregivers, each with the client's consent — and, per alert rule, who is told."""
