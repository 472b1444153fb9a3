"""Durable state, in one database (database.py: SQLite by default, PostgreSQL by
DATABASE_URL): the tables (schema.py, migrations/), which Slack events were answered
(events.py), the question log and votes (question_log.py) and the report on them
(report.py); paths.py says where a default SQLite file lives."""
