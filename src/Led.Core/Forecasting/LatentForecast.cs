using static TorchSharp.torch;

namespace Led.Core.Forecasting;

/// <summary>
/// A Latent-LED forecast of B trajectories over H coarse steps (scaled units): decoded states <c>[B, H, channel, grid…]</c>,
/// predicted latents <c>[B, H, d_z]</c> and the encodings of the true states <c>[B, warm-up + H, d_z]</c>. Decoded every
/// k-th step (<see cref="DecodeEvery"/>), the states are <c>[B, ⌊H/k⌋, …]</c>: steps k, 2k, … (1-based).
/// </summary>
public sealed record LatentForecast(Tensor Predictions, Tensor Latents, Tensor EncodedTruth) : IDisposable
{
    /// <summary>The stride k of the decoded steps (1: every step).</summary>
    public int DecodeEvery { get; init; } = 1;

    public void Dispose()
    {
        Predictions.Dispose();
        Latents.Dispose();
        EncodedTruth.Dispose();
    }
}
