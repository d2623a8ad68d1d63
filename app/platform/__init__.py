"""Adapters to the operating system behind small interfaces: sessions, clocks, notices, accounts."""
