using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>
/// The argument checks of an autoencoder's <c>Encode</c> and <c>Decode</c>: a batch of states laid out
/// <c>[B, channels, grid…]</c> and a batch of latents <c>[B, d_z]</c>, refused with a message naming the expected shape.
/// </summary>
public static class BatchShapes
{
    /// <summary>Throws unless <paramref name="states"/> is <c>[B, …<paramref name="stateShape"/>]</c>.</summary>
    /// <param name="states">The batch of states.</param>
    /// <param name="stateShape">The observable's shape <c>[channels, grid…]</c>.</param>
    /// <param name="method">The method that checks, for the message, e.g. <c>MlpAutoencoder.Encode</c>.</param>
    /// <exception cref="ArgumentException">The states have another shape.</exception>
    public static void RequireStates(Tensor states, IReadOnlyList<int> stateShape, string method)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.dim() != stateShape.Count + 1 || !states.shape.Skip(1).SequenceEqual(stateShape.Select(s => (long)s)))
            throw new ArgumentException(
                $"{method} expects states of shape [B, {string.Join(", ", stateShape)}] (batch, channels, grid of the system), " +
                $"but got {Format(states.shape)}; pass a batch of scaled snapshots laid out [batch, channel, grid…].", nameof(states));
    }

    /// <summary>Throws unless <paramref name="latents"/> is <c>[B, <paramref name="latentDim"/>]</c>.</summary>
    /// <param name="latents">The batch of latents.</param>
    /// <param name="latentDim">The latent dimension d_z.</param>
    /// <param name="method">The method that checks, for the message, e.g. <c>MlpAutoencoder.Decode</c>.</param>
    /// <exception cref="ArgumentException">The latents have another shape.</exception>
    public static void RequireLatents(Tensor latents, int latentDim, string method)
    {
        ArgumentNullException.ThrowIfNull(latents);
        if (latents.dim() != 2 || latents.shape[1] != latentDim)
            throw new ArgumentException($"{method} expects latents of shape [B, {latentDim}] (batch, d_z), but got {Format(latents.shape)}.", nameof(latents));
    }

    private static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
