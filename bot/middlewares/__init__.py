"""Middlewares that every update passes through, outermost first (see bot.app)."""
