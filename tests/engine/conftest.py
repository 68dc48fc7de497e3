"""The engine checks skip where Pinocchio is not installed; CI must not skip them silently.

With ``BIOMECH_REQUIRE_ENGINES=1`` in the environment (``.ci/run`` sets it), a missing or
broken Pinocchio is an error at collection instead of a skip.
"""

import os

if os.environ.get("BIOMECH_REQUIRE_ENGINES") == "1":
    import pinocchio  # noqa: F401  (fails loudly: the cross-checks must run)
