using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The propagator's latent scaling: min–max per latent dimension from the validation encodings, widened by 5 % of
/// the range on each side (as the reference), mapping latents into about [0.05/1.1, 1.05/1.1]. Identity when absent.
/// </summary>
public sealed class LatentScaler
{
    public LatentScaler(double[] min, double[] max)
    {
        if (min.Length != max.Length) throw new ArgumentException("min and max must have the same length");
        Min = min;
        Max = max;
    }

    public double[] Min { get; }

    public double[] Max { get; }

    /// <summary>Fits on encodings <c>[N, d_z]</c>; constant dimensions get a unit range.</summary>
    public static LatentScaler Fit(Tensor latents, double widen = 0.05)
    {
        using var scope = NewDisposeScope();
        var min = latents.amin([0]).cpu().to(ScalarType.Float64).data<double>().ToArray();
        var max = latents.amax([0]).cpu().to(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < min.Length; i++)
        {
            double range = max[i] - min[i];
            if (!(range > 0)) range = 1;
            min[i] -= widen * range;
            max[i] += widen * range;
        }
        return new LatentScaler(min, max);
    }

    public Tensor Scale(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var (min, range) = Bounds(latents);
        return ((latents - min) / range).MoveToOuterDisposeScope();
    }

    public Tensor Unscale(Tensor scaled)
    {
        using var scope = NewDisposeScope();
        var (min, range) = Bounds(scaled);
        return (scaled * range + min).MoveToOuterDisposeScope();
    }

    /// <summary>Scales one latent vector on plain arrays (the compiled inference path).</summary>
    public void Scale(ReadOnlySpan<double> latent, Span<double> scaled)
    {
        for (int i = 0; i < latent.Length; i++) scaled[i] = (latent[i] - Min[i]) / (Max[i] - Min[i]);
    }

    public void Unscale(ReadOnlySpan<double> scaled, Span<double> latent)
    {
        for (int i = 0; i < scaled.Length; i++) latent[i] = scaled[i] * (Max[i] - Min[i]) + Min[i];
    }

    private (Tensor Min, Tensor Range) Bounds(Tensor like) =>
        (tensor(Min, dtype: like.dtype, device: like.device),
         tensor(Max.Zip(Min, (a, b) => a - b).ToArray(), dtype: like.dtype, device: like.device));
}
