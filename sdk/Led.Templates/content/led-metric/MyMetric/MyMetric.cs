using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace MyMetric;

/// <summary>
/// The relative error of each channel's spatial mean, |⟨ŝ⟩ − ⟨s⟩| / (|⟨s⟩| + floor), averaged over initial conditions and
/// time, as <c>mean_error_&lt;channel&gt;</c>: how well a forecast keeps a conserved or slowly varying quantity. The
/// host passes states in physical units (not scaled), laid out <c>[ic, t, channel, grid…]</c> and flattened.
/// </summary>
public sealed class MyMetric(MyMetricOptions options) : IForecastMetric
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions)
    {
        int channels = system.Channels.Count, perChannel = system.Size / channels, frames = targets.Length / system.Size;
        var sums = new double[channels];
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < channels; c++)
            {
                int start = f * system.Size + c * perChannel;
                double predicted = Mean(predictions.Slice(start, perChannel)), truth = Mean(targets.Slice(start, perChannel));
                sums[c] += Math.Abs(predicted - truth) / (Math.Abs(truth) + options.Floor);
            }
        var scores = new Dictionary<string, double>();
        for (int c = 0; c < channels; c++) scores[$"mean_error_{system.Channels[c].ToLowerInvariant()}"] = sums[c] / frames;
        return scores;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }
}
