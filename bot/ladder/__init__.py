"""The ladder: the knowledge model, loading YAML with line numbers, and validation."""
