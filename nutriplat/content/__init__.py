"""The information platform (subscription component b, issue 18 item 2): a library of
articles, videos by link and printable leaflets in nl-BE and English, assigned to a
client or a caregiver by the dietitian or by rules, with read receipts."""
