"""Queries, one module per aggregate. Everything SQL lives here, never in handlers."""
