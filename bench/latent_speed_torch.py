#!/usr/bin/python3
"""PyTorch peer of the `latent-speed` benchmark: the same models (bench/torch_models.py) timed per coarse step.

Per model (KS: LSTM 256 + CNN decoder, d_z 8; FHN: LSTM 32 + MLP 3x100 decoder, d_z 2), dtype (float32, float64) and path
(eager; TorchScript = torch.jit.trace of the propagator and of the decoder, frozen): seconds per step under torch.no_grad()
with torch.set_num_threads(1), as LED.NET measures them: batch 1, each step feeds the last output [1, 1, d_z] back with the
carried (h, c); propagator only, + decoder at every step, + decoder at every k-th step; and the propagator batched over 100
trajectories (per trajectory and step). Each timing is the fastest of three. Prints one JSON object.

usage: /usr/bin/python3 bench/latent_speed_torch.py [decode_every] [steps]
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import torch
except ImportError:
    print("error: PyTorch is missing for /usr/bin/python3; install it with scripts/install-pytorch.sh", file=sys.stderr)
    sys.exit(3)
from torch_models import build_info, ConvAutoencoder1D, LstmPropagator, MlpAutoencoder


def timing(propagator, decode, dz, hidden, dtype, steps, every, batch=1):
    """Seconds per step: the output fed back, decoded when (i + 1) % every == 0 (every 0: never)."""
    h = torch.zeros(1, batch, hidden, dtype=dtype)
    c = torch.zeros(1, batch, hidden, dtype=dtype)
    z = torch.full((batch, 1, dz), 0.5, dtype=dtype)
    for i in range(10):
        z, h, c = propagator(z, h, c)
        if every == 1:
            decode(z.reshape(batch, -1))
    start = time.perf_counter()
    for i in range(steps):
        z, h, c = propagator(z, h, c)
        if every and (i + 1) % every == 0:
            decode(z.reshape(batch, -1))
    return (time.perf_counter() - start) / steps


def fastest(measure):
    return min(measure() for _ in range(3))


def traced(propagator, autoencoder, dz, hidden, dtype):
    z = torch.full((1, 1, dz), 0.5, dtype=dtype)
    h = torch.zeros(1, 1, hidden, dtype=dtype)
    prop = torch.jit.freeze(torch.jit.trace(propagator, (z, h, h.clone())).eval())
    dec = torch.jit.freeze(torch.jit.trace(Decoder(autoencoder).eval(), (z.reshape(1, -1),)).eval())
    return prop, dec


class Decoder(torch.nn.Module):
    def __init__(self, autoencoder):
        super().__init__()
        self.autoencoder = autoencoder

    def forward(self, z):
        return self.autoencoder.decode(z)


def main():
    every = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    torch.set_num_threads(1)
    torch.manual_seed(7)
    rows = []
    for dtype_name, dtype in (("Float64", torch.float64), ("Float32", torch.float32)):
        for model, hidden, dz, autoencoder in (("KS LSTM 256 + CNN d_z 8", 256, 8, ConvAutoencoder1D(dz=8, width=64)),
                                               ("FHN LSTM 32 + MLP 3x100 d_z 2", 32, 2, MlpAutoencoder((2, 101), 2))):
            propagator = LstmPropagator(dz, hidden).to(dtype).eval()
            autoencoder = autoencoder.to(dtype).eval()
            with torch.no_grad():
                paths = [("eager", propagator, autoencoder.decode)]
                try:
                    paths.append(("TorchScript",) + traced(propagator, autoencoder, dz, hidden, dtype))
                except Exception as e:  # a torch without a working JIT: the eager rows still count
                    print(f"TorchScript skipped: {e}", file=sys.stderr)
                for path, prop, dec in paths:
                    rows.append({
                        "model": model, "dtype": dtype_name, "path": path,
                        "propagator": fastest(lambda: timing(prop, dec, dz, hidden, dtype, steps, 0)),
                        "decoder_every_step": fastest(lambda: timing(prop, dec, dz, hidden, dtype, steps, 1)),
                        "decoder_every_k": fastest(lambda: timing(prop, dec, dz, hidden, dtype, steps, every)),
                        "batched_100": fastest(lambda: timing(prop, dec, dz, hidden, dtype, 300, 0, batch=100)) / 100
                        if path == "eager" else None,
                    })
    print(json.dumps({**build_info(), "threads": torch.get_num_threads(), "decode_every": every, "rows": rows}))


if __name__ == "__main__":
    main()
