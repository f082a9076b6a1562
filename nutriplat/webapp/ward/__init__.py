"""Ward staff's pages: today's trays of their wards on a phone, and the tray labels."""
