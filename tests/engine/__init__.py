"""Cross-checks of biomech against general rigid-body engines (test-only dependencies)."""
