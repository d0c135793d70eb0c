"""Data layer: peewee models, the database proxy and the schema migrations (peewee only)."""
