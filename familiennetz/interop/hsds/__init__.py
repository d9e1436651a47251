"""Open Referral HSDS 3.0: export, import and the mapping between our directory and HSDS.

Entry points: ``export.export_tables`` / ``export.files_for``, ``sources.read_path`` /
``sources.read_bytes`` and ``importer.hsds_import``. See docs/dev/hsds.md.
"""
