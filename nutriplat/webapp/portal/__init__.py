"""The client's and the caregiver's pages (issue 17): /app/me and /app/care, phone-first,
large text, every action the API's own use case."""
