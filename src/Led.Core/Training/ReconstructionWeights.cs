using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Data;
using static TorchSharp.torch;

namespace Led.Core.Training;

// Point weights of the reconstruction loss (training.reconstructionWeights). From a fixed field f on the observable's
// grid: the set S = {points where f ≠ 0}, dilated by the radius r in the Chebyshev metric (max over the axes of the index
// difference ≤ r, clipped at the grid's edges, no wrap-around); the dilation of a box is separable, so S is dilated along
// one axis after the other. w = weight on the dilated set, 1 elsewhere, then w ← w / mean(w). The weighted loss is
// mean over batch, channels and grid of w · (x̂ − x)², which with mean(w) = 1 is a weighted mean of the squared errors;
// without weights it is the plain MSE (the same call as before, bit for bit).

/// <summary>The reconstruction loss's point weights (<see cref="ReconstructionWeightsOptions"/>) and the weighted squared error.</summary>
public static class ReconstructionWeights
{
    /// <summary>
    /// The weights on a row-major grid of shape <paramref name="grid"/>: <paramref name="weight"/> within
    /// <paramref name="radius"/> cells (Chebyshev) of a non-zero value of <paramref name="field"/>, 1 elsewhere, divided by their mean.
    /// </summary>
    public static double[] Build(ReadOnlySpan<double> field, IReadOnlyList<int> grid, int radius, double weight)
    {
        long size = grid.Aggregate(1L, (p, g) => p * g);
        if (field.Length != size)
            throw new ArgumentException($"the field has {field.Length} values, the grid [{string.Join(", ", grid)}] has {size} points", nameof(field));
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "the weight must be finite and > 0");
        var near = new bool[field.Length];
        for (int i = 0; i < near.Length; i++) near[i] = field[i] != 0;
        int stride = field.Length;
        foreach (int length in grid)
        {
            stride /= length;
            near = DilateAxis(near, length, stride, radius);
        }
        var weights = new double[field.Length];
        int count = near.Count(b => b);
        double mean = (weight * count + (weights.Length - count)) / weights.Length;
        for (int i = 0; i < weights.Length; i++) weights[i] = (near[i] ? weight : 1) / mean;
        return weights;
    }

    /// <summary>
    /// The weights for the config's <see cref="TrainingOptions.ReconstructionWeights"/> from the dataset's fixed field, as a
    /// grid-shaped tensor of the device's type (it broadcasts over batch and channels); null without the option.
    /// </summary>
    public static Tensor? For(TrainingOptions options, LedDataset data, IDeviceContext device)
    {
        if (options.ReconstructionWeights is not { } o) return null;
        var fields = data.Metadata?.Fields;
        if (fields is null || !fields.TryGetValue(o.Field, out var field))
            throw new InvalidDataException($"training.reconstructionWeights.field: the dataset has no fixed field '{o.Field}' " +
                                           $"(it has {(fields is null || fields.Count == 0 ? "none" : string.Join(", ", fields.Keys))}): " +
                                           "simulate the dataset again with a system that provides it, or remove training.reconstructionWeights");
        var grid = data.Description.Grid;
        using var cpu = tensor(Build(field, grid, o.Radius, o.Weight), grid.Select(g => (long)g).ToArray());
        return cpu.to(device.DType).to(device.Device);
    }

    /// <summary>
    /// The squared error of <paramref name="prediction"/> against <paramref name="target"/> (<c>[…, channels, …grid]</c>),
    /// weighted point by point by <paramref name="weights"/> (<c>[…grid]</c>), reduced by mean or sum; without weights the plain MSE.
    /// </summary>
    public static Tensor SquaredError(Tensor prediction, Tensor target, Tensor? weights, nn.Reduction reduction = nn.Reduction.Mean)
    {
        if (weights is null) return nn.functional.mse_loss(prediction, target, reduction);
        using var scope = NewDisposeScope();
        var weighted = (prediction - target).square() * weights;
        return (reduction == nn.Reduction.Sum ? weighted.sum() : weighted.mean()).MoveToOuterDisposeScope();
    }

    private static bool[] DilateAxis(bool[] near, int length, int stride, int radius)
    {
        if (radius == 0) return near;
        var dilated = new bool[near.Length];
        for (int i = 0; i < near.Length; i++)
        {
            int c = i / stride % length;
            int from = Math.Max(0, c - radius), to = Math.Min(length - 1, c + radius);
            for (int k = from; k <= to && !dilated[i]; k++) dilated[i] = near[i + (k - c) * stride];
        }
        return dilated;
    }
}
