"""The client timeline (issue 18 item 3): screenings, weights, intake, alerts, coaching
sessions, information given, meal plan changes and deliveries in one time order — the one
place to see how a client is doing. It reads the areas it joins, so it comes after them."""
