"""The YAML knowledge base: its models, loading with precise errors, lint, schema and export."""
