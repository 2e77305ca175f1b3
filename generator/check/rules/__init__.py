"""Check rules: one module per family, each `check(doc, ctx) -> list[Finding]` and `IDS` (its rule ids)."""
