#!/usr/bin/python3
"""numpy port of the reference's Brownian-dynamics stepping (LED-Molecular, AD3D), for speed comparison.

Per micro step, in the reference's order: x += N(0, sqrt(D*dt)) per coordinate; x += dt * A * cos(omega * t);
reflection at the walls of [-L/2, L/2]^3, repeated until every coordinate is inside (several crossings per step);
t += dt. Prints one JSON object: seconds per coarse step (100 micro steps) for N particles, median of repetitions.

usage: /usr/bin/python3 bench/ad_numpy.py [particles] [coarse_steps] [repetitions]
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    print("error: numpy is missing; install it with: apt-get install python3-numpy", file=sys.stderr)
    sys.exit(2)


def reflect(x, lo, up):
    while True:
        above = x > up
        below = x < lo
        if not (above.any() or below.any()):
            return x
        x = np.where(above, 2 * up - x, x)
        x = np.where(below, 2 * lo - x, x)


def advance(x, t, steps, rng, diffusion=0.05, dt=0.01, amplitude=(1.0, 1.74, 0.0), omega=(0.2, 1.0, 0.5), box=1.0):
    a = np.asarray(amplitude)
    w = np.asarray(omega)
    sigma = np.sqrt(diffusion * dt)
    for _ in range(steps):
        x = x + rng.normal(0.0, sigma, size=x.shape)
        x = x + dt * a * np.cos(w * t)
        x = reflect(x, -box / 2, box / 2)
        t += dt
    return x, t


def main():
    particles = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    coarse = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    rng = np.random.default_rng(1)
    x, t = np.zeros((particles, 3)), 0.0
    x, t = advance(x, t, 100, rng)  # warm-up
    samples = []
    for _ in range(repetitions):
        start = time.perf_counter()
        x, t = advance(x, t, 100 * coarse, rng)
        samples.append((time.perf_counter() - start) / coarse)
    samples.sort()
    print(json.dumps({"particles": particles, "seconds_per_coarse_step": samples[len(samples) // 2],
                      "numpy": np.__version__, "inside": bool(np.all(np.abs(x) <= 0.5))}))


if __name__ == "__main__":
    main()
