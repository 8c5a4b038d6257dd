"""Domain services: what Koldo does, apart from Telegram and from SQL."""
