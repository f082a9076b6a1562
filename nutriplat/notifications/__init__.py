"""notifications: the one way the service tells a person something — an in-app inbox of
stored notifications (read, acknowledged), with channels behind it (e-mail, SMS) that
providers plug into later (``channels.register``). Any area calls ``sending.notify``."""
