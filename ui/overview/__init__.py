"""The overview page: the register's counts at a glance."""
