"""Storage: models, engine, units of work, audit trail, migrations, backups."""
