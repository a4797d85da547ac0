using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// A decoder that returns a distribution over scaled states (e.g. a mixture density): <see cref="IDecoder.Decode"/> is
/// its mean. It is trained by negative log-likelihood, and forecasts of point sets and coordinate vectors sample it.
/// </summary>
public interface IProbabilisticDecoder : IDecoder
{
    /// <summary>One state drawn from the distribution of each latent, <c>[B, d_z]</c> → <c>[B, …observable shape]</c>.</summary>
    /// <param name="latents">Latent states <c>[B, d_z]</c>.</param>
    /// <param name="generator">The source of randomness (seeded by the run), on the latents' device.</param>
    torch.Tensor Sample(torch.Tensor latents, torch.Generator generator);

    /// <summary>
    /// The log-likelihood of each scaled state under the distribution of its latent, <c>[B]</c>, per value of the state
    /// (summed over the state and divided by its size, so that losses of different systems compare).
    /// </summary>
    torch.Tensor LogLikelihood(torch.Tensor latents, torch.Tensor states);
}
