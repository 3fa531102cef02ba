"""The list importer's parts (tools/import_lists.py is its command line): one module per source format,
and the dataset writer."""
