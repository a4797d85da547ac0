using static TorchSharp.torch;

namespace Led.Core.Forecasting;

/// <summary>
/// A Latent-LED forecast of B trajectories over H coarse steps (scaled units): decoded states <c>[B, H, channel, grid…]</c>,
/// predicted latents <c>[B, H, d_z]</c> and the encodings of the true states <c>[B, warm-up + H, d_z]</c>.
/// </summary>
public sealed record LatentForecast(Tensor Predictions, Tensor Latents, Tensor EncodedTruth) : IDisposable
{
    public void Dispose()
    {
        Predictions.Dispose();
        Latents.Dispose();
        EncodedTruth.Dispose();
    }
}
