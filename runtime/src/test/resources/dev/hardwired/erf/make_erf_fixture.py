"""Writes erf.csv: arguments and Python's math.erf of each, as hexadecimal floats (exact both ways).

ActivationErfTest holds Activation.erf to these values. Re-run with any Python 3:
    python3 make_erf_fixture.py
The arguments come from a fixed seed, so the file is the same on every run with the same C library.
"""
import math
import random

random.seed(20261207)
xs = [0.0, 1e-300, 5e-324, 1e-8, 0.5, 0.84375, 1.0, 1.25, 2.0, 2.5, 2.5 - 2**-51, 3.0, 5.9, 6.0, 6.5, 27.0, 1e300]
xs += [random.uniform(0.0, 7.0) for _ in range(1500)]
xs += [random.uniform(2.3, 2.7) for _ in range(200)]
xs += [10 ** random.uniform(-12, 0) for _ in range(200)]
xs += [-x for x in xs[:300]]
with open("erf.csv", "w") as out:
    out.write("# x,erf(x): Python math.erf, hexadecimal floats; written by make_erf_fixture.py\n")
    for x in xs:
        out.write("%s,%s\n" % (float.hex(x), float.hex(math.erf(x))))
