"""The referrer's pages (GP practice, hospital discharge office, home nursing): the
referral form, their referrals with status and decline reason, their monthly commission
statement with its CSV, and the care-team alerts they were told of. Nothing else of a
client's record."""
