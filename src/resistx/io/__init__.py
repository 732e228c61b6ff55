"""Reading input: profiles from mappings, JSON text or files."""
