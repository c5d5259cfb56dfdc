"""The review desk: a web application over the same database as the CLI."""
