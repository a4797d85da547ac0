#!/usr/bin/python3
"""PyTorch peer of the `training-speed` benchmark: training epochs of the same models (bench/torch_models.py) on
synthetic data of the paper's shapes, Adam (lr 1e-3), as LED.NET trains them:

- ks-propagator: LSTM 256, d_z 8; windows of 101 latents, batch 32, truncated BPTT in chunks of 25 with the (h, c)
  state carried detached between chunks, one optimiser step per chunk, latent MSE;
- ks-autoencoder: the CNN autoencoder, d_z 8; batches of 32 frames [1, 64], reconstruction MSE;
- fhn-end-to-end: MLP autoencoder 3x100 d_z 2 + LSTM 32; windows of 121 frames [2, 101], warm-up 20 frames without
  gradient, chunks of 20, loss (L_out + L_lat) / 2 with L_out = MSE(decode(propagated latents), next frames) and
  L_lat = MSE(propagated latents, encoded next frames).

Each epoch visits the data in a shuffled order and reads every loss with .item(), as ours. Prints one JSON object:
per model and dtype, the fastest of three timed epochs (after one warm-up epoch) and the optimiser steps per epoch.

usage: /usr/bin/python3 bench/training_speed_torch.py threads [epochs]
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
from torch.nn.functional import mse_loss
from torch_models import build_info, ConvAutoencoder1D, LstmPropagator, MlpAutoencoder

BATCH = 32
# The synthetic sets: the same sizes in bench/Led.Benchmarks/TrainingSpeedBenchmark.cs.
KS_WINDOWS, KS_WINDOW, KS_CHUNK = 96, 101, 25
KS_FRAMES = 960
FHN_WINDOWS, FHN_WINDOW, FHN_CHUNK, FHN_WARMUP = 96, 121, 20, 20


def chunks(batch, length):
    for p in range((batch.shape[1] - 1) // length):
        yield batch[:, p * length:(p + 1) * length], batch[:, p * length + 1:(p + 1) * length + 1]


def step(optimizer, loss):
    """One optimiser step on the loss, which is then read on the host (as LED.NET reads every step's loss)."""
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    loss.item()


def propagator_epoch(model, optimizer, windows, generator):
    steps = 0
    order = torch.randperm(windows.shape[0], generator=generator)
    for first in range(0, len(order), BATCH):
        batch = windows[order[first:first + BATCH]]
        h = torch.zeros(1, batch.shape[0], model.lstm.hidden_size, dtype=batch.dtype)
        c = torch.zeros_like(h)
        for inputs, targets in chunks(batch, KS_CHUNK):
            predicted, h, c = model(inputs, h, c)
            step(optimizer, mse_loss(predicted, targets))
            h, c = h.detach(), c.detach()
            steps += 1
    return steps


def autoencoder_epoch(model, optimizer, frames, generator):
    steps = 0
    order = torch.randperm(frames.shape[0], generator=generator)
    for first in range(0, len(order), BATCH):
        batch = frames[order[first:first + BATCH]]
        step(optimizer, mse_loss(model(batch), batch))
        steps += 1
    return steps


def end_to_end_epoch(models, optimizer, windows, generator):
    autoencoder, propagator = models
    steps = 0
    order = torch.randperm(windows.shape[0], generator=generator)
    for first in range(0, len(order), BATCH):
        batch = windows[order[first:first + BATCH]]
        b = batch.shape[0]
        frame = batch.shape[2:]
        h = torch.zeros(1, b, propagator.lstm.hidden_size, dtype=batch.dtype)
        c = torch.zeros_like(h)
        with torch.no_grad():
            warm = batch[:, :FHN_WARMUP]
            _, h, c = propagator(autoencoder.encode(warm.reshape((-1,) + frame)).reshape(b, FHN_WARMUP, -1), h, c)
        for inputs, targets in chunks(batch[:, FHN_WARMUP:], FHN_CHUNK):
            t = inputs.shape[1]
            both = torch.cat([inputs, targets[:, t - 1:t]], 1)
            latents = autoencoder.encode(both.reshape((-1,) + frame)).reshape(b, t + 1, -1)
            predicted, h, c = propagator(latents[:, :t], h, c)
            output = mse_loss(autoencoder.decode(predicted.reshape(b * t, -1)).reshape((b, t) + frame), targets)
            latent = mse_loss(predicted, latents[:, 1:])
            step(optimizer, (output + latent) / 2)
            h, c = h.detach(), c.detach()
            steps += 1
    return steps


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    torch.set_num_threads(threads)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    rows = []
    for dtype_name, dtype in (("Float64", torch.float64), ("Float32", torch.float32)):
        cases = (
            ("ks-propagator", LstmPropagator(8, 256), torch.rand(KS_WINDOWS, KS_WINDOW, 8), propagator_epoch),
            ("ks-autoencoder", ConvAutoencoder1D(8, 64), torch.rand(KS_FRAMES, 1, 64), autoencoder_epoch),
            ("fhn-end-to-end", (MlpAutoencoder((2, 101), 2), LstmPropagator(2, 32)), torch.rand(FHN_WINDOWS, FHN_WINDOW, 2, 101),
             end_to_end_epoch),
        )
        for name, model, data, epoch in cases:
            modules = model if isinstance(model, tuple) else (model,)
            for m in modules:
                m.to(dtype).train()
            data = data.to(dtype)
            optimizer = torch.optim.Adam([p for m in modules for p in m.parameters()], lr=1e-3)
            steps = epoch(model, optimizer, data, generator)  # warm-up
            seconds = []
            for _ in range(epochs):
                start = time.perf_counter()
                epoch(model, optimizer, data, generator)
                seconds.append(time.perf_counter() - start)
            rows.append({"model": name, "dtype": dtype_name, "epoch_seconds": min(seconds), "steps": steps})
    print(json.dumps({**build_info(), "threads": torch.get_num_threads(), "rows": rows}))


if __name__ == "__main__":
    main()
