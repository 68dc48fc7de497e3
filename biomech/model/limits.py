"""Ranges of motion the standing postures must respect, deg (anatomical angles of
:mod:`biomech.conventions`: ankle dorsiflexion 0 with the shank perpendicular to the sole).

Weight-bearing, loaded postures reach further than the clinical (passive, supine) norms at
the knee and ankle, because the body's weight drives the joint to the end of its range;
each limit says which it is.
"""

#: Largest ankle dorsiflexion (forward shank inclination over a flat foot), 40 deg: about
#: the greatest dorsiflexion of adults squatting with the heels down (Hemmerich et al. 2006,
#: J Orthop Res 24:770-781, heels-flat squat; the abstract read gives the knee's and hip's
#: values, the ankle's about 38 deg is recalled from the paper and not yet checked), rounded
#: up so that a typical body's deepest heels-down squat is allowed.
ANKLE_DORSIFLEXION_MAX_DEG = 40.0

#: Largest ankle plantarflexion: the clinical norm, 50 deg (American Academy of
#: Orthopaedic Surgeons, Greene & Heckman 1994, The Clinical Measurement of Joint Motion).
ANKLE_PLANTARFLEXION_MAX_DEG = 50.0

#: Largest knee flexion: the mean of 30 adults squatting with the heels up,
#: 157 +- 6 deg (Hemmerich et al. 2006, J Orthop Res 24:770-781, abstract), thigh on calf.
KNEE_FLEXION_MAX_DEG = 157.0

#: Largest trunk-to-thigh flexion. The model's "hip" is the angle between the trunk axis
#: and the thigh, so it includes the lumbar spine's flexion as well as the hip's own:
#: AAOS hip flexion 120 deg (Greene & Heckman 1994) plus a modelling allowance of 30 deg
#: of lumbar flexion (a part of the lumbar range a deep squat or a deadlift start uses),
#: 150 deg.
HIP_FLEXION_MAX_DEG = 150.0

#: Largest hip extension (trunk behind the thigh line): the AAOS clinical norm, 30 deg
#: (Greene & Heckman 1994); a loaded standing posture uses far less.
HIP_EXTENSION_MAX_DEG = 30.0
