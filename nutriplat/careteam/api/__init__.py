"""The care team's API: members per client, alert routes, the alerts one was told of."""
