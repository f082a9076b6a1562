"""The admin pages: users, organisations (platform admin), the dish catalogue, the price
list, job runs. A provider's admin manages its own organisation; a platform admin (no
organisation) manages organisations and every user — as the API's services decide."""
