using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// A propagator that predicts a distribution of the next latent (e.g. a mixture-density LSTM):
/// <see cref="ILatentPropagator.Forward"/> returns its mean, <see cref="Sample"/> draws from it, and training minimises
/// the negative <see cref="LogLikelihood"/>. Forecasts of a stochastic propagator run an ensemble per initial condition.
/// </summary>
public interface IStochasticPropagator : ILatentPropagator
{
    /// <summary>
    /// Feeds latents <c>[B, T, d_z]</c> in order like <see cref="ILatentPropagator.Forward"/>, advancing
    /// <paramref name="state"/>, and returns a sample of the next latent after each, <c>[B, T, d_z]</c>.
    /// </summary>
    torch.Tensor Sample(PropagatorState state, torch.Tensor latents, torch.Generator generator);

    /// <summary>
    /// Feeds latents <c>[B, T, d_z]</c> in order, advancing <paramref name="state"/>, and returns the log-likelihood of each
    /// target <c>[B, T, d_z]</c> (target t follows input t) under the predicted distribution, <c>[B, T]</c>, per latent
    /// dimension.
    /// </summary>
    torch.Tensor LogLikelihood(PropagatorState state, torch.Tensor latents, torch.Tensor targets);
}
