"""The model, written once: postures, contacts, statics and the per-rep reductions.

Every function here is elementwise: plain arithmetic and numpy ufuncs on real numbers (points
as ``x, y`` pairs), per-element choices through :func:`._engine.select`, no Python branch on a
value and no loop over postures. The same source runs two ways:

* **numpy** (this package): called with arrays that broadcast (set-ups x phase samples), the
  friendly layer's datasets and the numpy engine of the sweeps;
* **compiled** (``biomech.model.compiled``, with numba): the same files loaded a second time,
  each function compiled by numba (``_engine.kernel``), and driven one posture at a time by
  the loops of ``drive``, the fast engine of the summary sweeps.

So a constant or an equation changed here changes what both engines compute (the pattern of
pvlib's ``spa.py``). The package imports nothing of biomech but itself: the friendly layer
(:mod:`biomech.exercises`, :mod:`biomech.statics`, :mod:`biomech.sweep`) builds its inputs
and labels its outputs. The independent oracles (sympy, ``tests/_oracle.py``, Pinocchio) stay
in the tests.

Modules: ``rows`` (the inputs: body, set-ups), ``geometry`` (the planar chain: cosine rule,
arms, centres of mass, joint angles), ``hip_thrust`` and ``standing`` (each lift's set-up,
feasibility margins and posture), ``statics`` (reactions, net moments, the hip-moment
decomposition), ``reduce`` (a rep's summary), ``drive`` (the compiled loops).
"""
