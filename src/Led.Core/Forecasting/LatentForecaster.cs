using Led.Abstractions.Learning;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Forecasting;

/// <summary>
/// Latent-LED (iterative latent forecasting, spec §3.7): teacher-force the encodings of frames 0 … w−2 through the
/// propagator from a fresh state; its last output ẑ_{w−1} is the first input; each prediction is fed back for H steps
/// and decoded. Predictions correspond to frames w … w+H−1. Batched over all trajectories, no gradient.
/// With a <paramref name="generator"/>, a stochastic propagator samples its predictions (warm-up output included) and a
/// probabilistic decoder samples the states when <paramref name="sampleDecoder"/> is set; each trajectory then runs as an
/// ensemble of members that share its warm-up frames.
/// With <c>decodeEvery</c> k &gt; 1 only every k-th prediction (steps k, 2k, …, ⌊H/k⌋·k) is decoded: the latent
/// trajectory is kept in full, and the other steps cost the propagator alone.
/// </summary>
public sealed class LatentForecaster(IAutoencoder autoencoder, ILatentPropagator propagator, LatentScaler? latentScaler,
    Generator? generator = null, bool sampleDecoder = false)
{
    /// <param name="members">Ensemble members per trajectory: predictions are <c>[B·members, H, …]</c>, member-major within each trajectory.</param>
    /// <param name="decodeEvery">Decode every k-th step only: predictions are then <c>[B·members, ⌊H/k⌋, …]</c>, the steps k, 2k, ….</param>
    public LatentForecast Run(Tensor trajectories, int warmup, int horizon, CancellationToken cancel = default, int members = 1, int decodeEvery = 1)
    {
        if (decodeEvery < 1 || decodeEvery > horizon)
            throw new ArgumentOutOfRangeException(nameof(decodeEvery), decodeEvery, $"decodeEvery must be between 1 and the horizon ({horizon})");
        if (trajectories.shape[1] < warmup + horizon)
            throw new ArgumentException($"test trajectories have {trajectories.shape[1]} samples; warm-up {warmup} + horizon {horizon} need {warmup + horizon}");
        SetEvaluation();
        using var noGrad = no_grad();
        long batch = trajectories.shape[0] * members;
        var frameShape = trajectories.shape[2..];
        var encoded = Encode(trajectories.slice(1, 0, warmup + horizon, 1));
        var latents = zeros([batch, horizon, encoded.shape[2]], dtype: encoded.dtype, device: encoded.device);
        using (var state = propagator.Start((int)batch))
        {
            Tensor last;
            using (var scope = NewDisposeScope())
            {
                var inputs = Scale(encoded.slice(1, 0, warmup - 1, 1));
                if (members > 1) inputs = inputs.repeat_interleave(members, 0);
                var warm = Step(state, inputs);
                last = warm.slice(1, warmup - 2, warmup - 1, 1).clone().MoveToOuterDisposeScope();
            }
            for (int h = 0; h < horizon; h++)
            {
                cancel.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var next = Step(state, last);
                latents.slice(1, h, h + 1, 1).copy_(next);
                last.Dispose();
                last = next.MoveToOuterDisposeScope();
            }
            last.Dispose();
        }
        using var unscaled = Unscale(latents);
        latents.Dispose();
        int decoded = horizon / decodeEvery;
        using var chosen = decodeEvery == 1 ? unscaled.alias() : unscaled.slice(1, decodeEvery - 1, horizon, decodeEvery);
        var predictions = Decode(chosen.reshape(batch * decoded, -1)).reshape([batch, decoded, .. frameShape]);
        return new LatentForecast(predictions, unscaled.clone(), encoded) { DecodeEvery = decodeEvery };
    }

    private Tensor Step(PropagatorState state, Tensor inputs) =>
        generator is not null && propagator is IStochasticPropagator stochastic ? stochastic.Sample(state, inputs, generator) : propagator.Forward(state, inputs);

    /// <summary>Encodes trajectories <c>[B, T, …]</c> to <c>[B, T, d_z]</c> in chunks.</summary>
    public Tensor Encode(Tensor trajectories)
    {
        using var noGrad = no_grad();
        long b = trajectories.shape[0], t = trajectories.shape[1];
        using var flat = trajectories.reshape([b * t, .. trajectories.shape[2..]]);
        var parts = new List<Tensor>();
        for (long start = 0; start < b * t; start += 512)
            parts.Add(autoencoder.Encode(flat.slice(0, start, Math.Min(b * t, start + 512), 1)));
        var all = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return all.reshape(b, t, -1);
    }

    private Tensor Decode(Tensor latents)
    {
        var parts = new List<Tensor>();
        for (long start = 0; start < latents.shape[0]; start += 512)
        {
            var chunk = latents.slice(0, start, Math.Min(latents.shape[0], start + 512), 1);
            parts.Add(sampleDecoder && generator is not null && autoencoder is IProbabilisticDecoder distribution
                ? distribution.Sample(chunk, generator)
                : autoencoder.Decode(chunk));
        }
        var all = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return all;
    }

    private Tensor Scale(Tensor latents) => latentScaler?.Scale(latents) ?? latents.alias();

    private Tensor Unscale(Tensor latents) => latentScaler?.Unscale(latents) ?? latents.alias();

    private void SetEvaluation()
    {
        (autoencoder as ITrainable)?.Module.eval();
        (propagator as ITrainable)?.Module.eval();
    }
}
