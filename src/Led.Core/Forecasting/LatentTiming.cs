namespace Led.Core.Forecasting;

/// <summary>
/// Seconds per latent step (batch 1): the propagator alone, with the decoder at every step, and with the decoder at every
/// <see cref="DecodeEvery"/>-th step only (equal to <see cref="WithDecoder"/> when that is 1).
/// </summary>
public sealed record LatentTiming(double Propagator, double WithDecoder, double WithDecoderEveryK, int DecodeEvery);
