"""PyTorch twins of LED.NET's paper-sized models, for the speed peers (bench/latent_speed_torch.py, bench/training_speed_torch.py).

Same architectures and shapes as the C# modules (weights random; speed does not depend on their values):
- LstmPropagator: nn.LSTM(d_z -> H, one layer, batch first) -> Linear(H -> d_z) -> tanhplus (0.5 + 0.5 tanh),
  as plugins/Led.Propagators.Lstm (output tanhplus, no residual);
- ConvAutoencoder1D: the paper's KS CNN (plugins/Led.Autoencoders.Convolutional/ConvNetwork1D.cs, channels 16-32-64-8,
  kernel 5, average pooling, CELU, no batch norm). Encoder: per layer [zero pad 2 -> Conv1d(k5) -> AvgPool1d(2) -> CELU]
  -> flatten -> Linear(8*X/16 -> d_z) -> CELU. Decoder: Linear(d_z -> 8*X/16) -> CELU -> reshape [B, 8, X/16] -> per layer
  [Upsample x2 linear (align_corners False) -> Conv1d(k5, pad 2) -> CELU, tanhplus after the last], channels 8-64-32-16-1;
- MlpAutoencoder: the paper's FHN MLP (plugins/Led.Autoencoders.Mlp/MlpNetwork.cs): in -> 100 -> 100 (+skip) -> 100 (+skip)
  -> d_z with CELU after each, decoder mirrored, tanhplus last.
"""
import os

import torch
from torch import nn


def build_info():
    """The peer's BLAS as its torch reports it (BLAS_INFO) and the libblas it loads: the speed of every matmul depends on it."""
    config = torch.__config__.show()
    blas = next((part.split("=")[1] for part in config.replace(",", " ").split() if part.startswith("BLAS_INFO=")), "unknown")
    library = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
    return {"torch": torch.__version__, "blas": blas,
            "libblas": os.path.realpath(library) if os.path.exists(library) else None,
            "mkldnn": torch.backends.mkldnn.is_available()}


def tanhplus(x):
    return 0.5 + 0.5 * torch.tanh(x)


class LstmPropagator(nn.Module):
    def __init__(self, dz, hidden):
        super().__init__()
        self.lstm = nn.LSTM(dz, hidden, num_layers=1, batch_first=True)
        self.head = nn.Linear(hidden, dz)

    def forward(self, latents, h, c):
        out, (h, c) = self.lstm(latents, (h, c))
        return tanhplus(self.head(out)), h, c


class ConvAutoencoder1D(nn.Module):
    def __init__(self, dz=8, width=64, channels=(16, 32, 64, 8), kernel=5):
        super().__init__()
        half = (kernel - 1) // 2
        layers, inc = [], 1
        for out in channels:
            layers += [nn.ConstantPad1d((half, half), 0.0), nn.Conv1d(inc, out, kernel), nn.AvgPool1d(2, 2), nn.CELU()]
            inc = out
        self.encoder = nn.Sequential(*layers)
        self.last, self.bottleneck = channels[-1], width >> len(channels)
        flat = self.last * self.bottleneck
        self.encoder_linear = nn.Linear(flat, dz)
        self.decoder_linear = nn.Linear(dz, flat)
        dec, rev = [], list(reversed(channels)) + [1]
        for i in range(len(channels)):
            dec += [nn.Upsample(scale_factor=2.0, mode="linear", align_corners=False),
                    nn.Conv1d(rev[i], rev[i + 1], kernel, padding=half)]
            if i < len(channels) - 1:
                dec.append(nn.CELU())
        self.decoder = nn.Sequential(*dec)

    def encode(self, x):
        return torch.celu(self.encoder_linear(self.encoder(x).flatten(1)))

    def decode(self, z):
        h = torch.celu(self.decoder_linear(z)).reshape(z.shape[0], self.last, self.bottleneck)
        return tanhplus(self.decoder(h))

    def forward(self, x):
        return self.decode(self.encode(x))


class SkipLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.layer = nn.Linear(n_in, n_out)
        self.residual = n_in == n_out

    def forward(self, x):
        y = self.layer(x)
        return x + y if self.residual else y


class MlpAutoencoder(nn.Module):
    def __init__(self, state_shape=(2, 101), dz=2, layers=3, width=100):
        super().__init__()
        self.state_shape = tuple(state_shape)
        size = 1
        for s in state_shape:
            size *= s
        enc, n = [nn.Flatten(1)], size
        for _ in range(layers):
            enc += [SkipLinear(n, width), nn.CELU()]
            n = width
        enc += [SkipLinear(n, dz), nn.CELU()]
        dec, n = [], dz
        for _ in range(layers):
            dec += [SkipLinear(n, width), nn.CELU()]
            n = width
        dec.append(SkipLinear(n, size))
        self.encoder, self.decoder = nn.Sequential(*enc), nn.Sequential(*dec)

    def encode(self, x):
        return self.encoder(x)

    def decode(self, z):
        return tanhplus(self.decoder(z)).reshape((z.shape[0],) + self.state_shape)

    def forward(self, x):
        return self.decode(self.encode(x))

