from __future__ import annotations, division, print_function

import __future__


def area(r: Radius) -> Area:  # forward references: never evaluated
    return 3 * r * r


print(area(2), 7 / 2, __future__.annotations.getMandatoryRelease())
for name in __future__.all_feature_names:
    f = getattr(__future__, name)
    print(name, f, f.getOptionalRelease(), f.compiler_flag)
