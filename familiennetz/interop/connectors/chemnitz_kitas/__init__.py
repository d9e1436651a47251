"""Connector for the Kita list of the Stadt Chemnitz (open data, dl-de/by-2-0).

``mapping`` reads and maps the CSV (no database); ``services`` writes it into an alliance.
"""
