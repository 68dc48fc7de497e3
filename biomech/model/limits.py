"""Ranges of motion the postures must stay inside, for loaded weight-bearing postures (deg).

Anatomical angles as in :mod:`biomech.conventions`: ankle dorsiflexion positive (the shank
leaning forward over a flat foot), knee flexion positive, hip flexion positive (thigh-to-trunk
angle, so it includes the flexion of the lumbar spine and pelvis the trunk segment carries).
"""

#: Largest ankle dorsiflexion: passive non-weight-bearing norms are about 20 deg (Soucie et al.
#: 2011, Haemophilia 17:500-507); a loaded lunge or deep squat takes the shank further, and
#: 40 deg is a modelling bound (no measured weight-bearing value was found).
ANKLE_DORSIFLEXION_MAX_DEG = 40.0
#: Largest ankle plantarflexion: 0-50 deg normal range (AAOS; Merck Manual table).
ANKLE_PLANTARFLEXION_MAX_DEG = 50.0
#: Largest knee flexion: 157 +- 6 deg squatting (Hemmerich et al. 2006, J Orthop Res
#: 24:770-781).
KNEE_FLEXION_MAX_DEG = 155.0
#: Largest hip flexion (thigh to trunk): 0-125 deg normal passive range (Merck Manual table;
#: Soucie et al. 2011).
HIP_FLEXION_MAX_DEG = 125.0
#: Largest hip hyperextension: 15 deg (Merck) to 30 deg (AAOS); 20 deg here.
HIP_EXTENSION_MAX_DEG = 20.0
