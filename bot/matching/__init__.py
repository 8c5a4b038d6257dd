"""The person-matching engine: pure, imports neither aiogram nor a database.

`records` holds the person record, `translit` folds every script and spelling system into one
phonetic form, `names` splits a full name into surname / given / patronymic, `score` compares
two records and `search` retrieves candidates by blocking keys and ranks them.
"""
