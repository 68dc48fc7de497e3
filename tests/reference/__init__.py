"""Published values: the model checked against the literature (see README.md here)."""
