using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Trajectories to fit on, each <c>[T, …]</c>: scaled observable states for an autoencoder, latent states for a
/// propagator.
/// </summary>
public sealed record FitData(IReadOnlyList<torch.Tensor> Training, IReadOnlyList<torch.Tensor> Validation);
