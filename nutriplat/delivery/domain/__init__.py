"""Pure delivery calculations: clock times, a stop's demand, re-timing a route, the map."""
